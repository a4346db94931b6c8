import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@primm/shared/contracts/auth';
import type { User } from '@primm/shared/contracts/users';
import { ErrorAlert } from '../../../components/error-alert';
import { useReissuePassword } from '../api/reissue-password';
import { useSetUserDisabled } from '../api/set-user-disabled';
import { EditUserForm } from './edit-user-form';
import { OneTimePassword } from './one-time-password';
import type { UserAction } from './users-table';

type Props = {
  user: User;
  action: UserAction;
  actorRole: Role;
  meId: number;
  onDone: (message: string | null) => void;
};

/**
 * What a row's button opens, above the table: the edit form, or the confirmation of an act that
 * cannot be undone silently (a new password ends the account's sessions; so does deactivating).
 */
export function UserActionPanel({ user, action, actorRole, meId, onDone }: Props) {
  const { t } = useTranslation();
  const reissue = useReissuePassword();
  const disable = useSetUserDisabled();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (action !== 'edit') headingRef.current?.focus();
  }, [action]);

  if (action === 'edit') {
    return (
      <section className="form-card" aria-label={t('users.edit.title', { email: user.email })}>
        <EditUserForm user={user} actorRole={actorRole} isSelf={user.id === meId} onDone={onDone} />
      </section>
    );
  }
  if (action === 'password' && reissue.isSuccess) {
    return <OneTimePassword created={reissue.data} titleKey="users.reissue.done" onDone={() => onDone(null)} />;
  }
  const confirm = () => {
    if (action === 'password') reissue.mutate(user.id);
    else
      disable.mutate(
        { id: user.id, disabled: action === 'deactivate' },
        { onSuccess: (saved) => onDone(t(`users.${action}.done`, { email: saved.email })) },
      );
  };
  const pending = reissue.isPending || disable.isPending;
  const error = reissue.error ?? disable.error;

  return (
    <section className="form-card" aria-labelledby="user-action-heading">
      <h3 id="user-action-heading" tabIndex={-1} ref={headingRef}>
        {t(`users.${action === 'password' ? 'reissue' : action}.title`, { email: user.email })}
      </h3>
      <p>{t(`users.${action === 'password' ? 'reissue' : action}.explain`)}</p>
      {error && <ErrorAlert error={error} />}
      <div className="field-actions">
        <button
          type="button"
          className={action === 'deactivate' ? 'btn btn-danger' : 'btn btn-primary'}
          disabled={pending}
          onClick={confirm}
        >
          {t(`users.${action === 'password' ? 'reissue' : action}.confirm`)}
        </button>
        <button type="button" className="btn btn-outline" onClick={() => onDone(null)}>
          {t('users.actions.cancel')}
        </button>
      </div>
    </section>
  );
}
