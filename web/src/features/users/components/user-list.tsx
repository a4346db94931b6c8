import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@primm/shared/contracts/auth';
import type { User } from '@primm/shared/contracts/users';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { useUsers } from '../api/get-users';
import { UserActionPanel } from './user-action-panel';
import { UsersTable, type UserAction } from './users-table';

type Props = { actor: { id: number; role: Role } };

/** The accounts, and above them the panel of the action asked on a row; focus returns to that row's button. */
export function UserList({ actor }: Props) {
  const { t } = useTranslation();
  const users = useUsers();
  const [open, setOpen] = useState<{ user: User; action: UserAction } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const origin = useRef<HTMLButtonElement | null>(null);

  if (users.isPending) return <LoadingStatus />;
  if (users.isError) return <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />;
  if (users.data.items.length === 0) return <EmptyState>{t('users.empty')}</EmptyState>;
  return (
    <>
      <div role="status">{message && <p className="callout callout-success">{message}</p>}</div>
      {open && (
        <UserActionPanel
          key={`${open.user.id}-${open.action}`}
          user={open.user}
          action={open.action}
          actorRole={actor.role}
          meId={actor.id}
          onDone={(done) => {
            setOpen(null);
            setMessage(done);
            origin.current?.focus();
          }}
        />
      )}
      <UsersTable
        users={users.data.items}
        meId={actor.id}
        onAction={(user, action, button) => {
          origin.current = button;
          setMessage(null);
          setOpen({ user, action });
        }}
      />
    </>
  );
}
