import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Role } from '@primm/shared/contracts/auth';
import type { User } from '@primm/shared/contracts/users';
import { ErrorAlert } from '../../../components/error-alert';
import { useUpdateUser } from '../api/update-user';
import { assignableRoles, scopeOf, ScopeFields } from './scope-fields';

type Props = { user: User; actorRole: Role; isSelf: boolean; onDone: (message: string | null) => void };

/**
 * Name, role and scope of an account. A referent sees and changes only their schools' part (the
 * server keeps the rest); nobody changes their own role. The new rights hold from the next request.
 */
export function EditUserForm({ user, actorRole, isSelf, onDone }: Props) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [form, setForm] = useState({
    displayName: user.displayName,
    role: user.role,
    // a teacher's schools only narrow the list of classes: those of the classes they hold
    schools: user.role === 'docente' ? [...new Set(user.classes.map((c) => c.schoolCode))] : user.schools,
    classIds: user.classIds,
    municipalities: user.municipalities,
  });
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => nameRef.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const scope = scopeOf(form.role);
    update.mutate(
      {
        id: user.id,
        displayName: form.displayName,
        ...(isSelf ? {} : { role: form.role }),
        schools: scope.schools && !scope.classes ? form.schools : [],
        classIds: scope.classes ? form.classIds : [],
        // only the admin gives municipalities (users/service.ts); a referent's edit leaves them out
        ...(actorRole === 'admin' ? { municipalities: scope.municipalities ? form.municipalities : [] } : {}),
      },
      { onSuccess: (saved) => onDone(t('users.edit.saved', { email: saved.email })) },
    );
  }

  return (
    <form onSubmit={submit} className="stacked-form" aria-labelledby="edit-user-heading">
      <h3 id="edit-user-heading">{t('users.edit.title', { email: user.email })}</h3>
      {update.isError && <ErrorAlert error={update.error} />}
      <div className="field">
        <label htmlFor="edit-user-name">{t('users.displayName')}</label>
        <input
          ref={nameRef}
          id="edit-user-name"
          type="text"
          required
          minLength={2}
          maxLength={120}
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="edit-user-role">{t('users.role')}</label>
        <select
          id="edit-user-role"
          value={form.role}
          disabled={isSelf}
          aria-describedby={isSelf ? 'edit-user-role-hint' : undefined}
          onChange={(e) => setForm({ ...form, role: Role.parse(e.target.value), classIds: [] })}
        >
          {[...new Set([...assignableRoles(actorRole), user.role])].map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
        {isSelf && (
          <p id="edit-user-role-hint" className="hint">
            {t('users.edit.ownRole')}
          </p>
        )}
      </div>
      <ScopeFields
        idPrefix="edit-user"
        role={form.role}
        schools={form.schools}
        classIds={form.classIds}
        onSchoolsChange={(schools) => setForm((f) => ({ ...f, schools }))}
        onClassIdsChange={(classIds) => setForm((f) => ({ ...f, classIds }))}
        municipalities={form.municipalities}
        onMunicipalitiesChange={(municipalities) => setForm((f) => ({ ...f, municipalities }))}
      />
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {t('users.edit.submit')}
        </button>
        <button type="button" className="btn btn-outline" onClick={() => onDone(null)}>
          {t('users.actions.cancel')}
        </button>
      </div>
    </form>
  );
}
