import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Role } from '@primm/shared/contracts/auth';
import { ApiError } from '../../../lib/api-client';
import { useCreateUser } from '../api/create-user';
import { OneTimePassword } from './one-time-password';
import { assignableRoles, scopeOf, ScopeFields } from './scope-fields';

/** 409 on this form has one cause: the email is taken. */
function messageKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'errors.internal';
  return error.code === 'conflict' ? 'users.form.emailTaken' : `errors.${error.code}`;
}

const empty = {
  email: '',
  displayName: '',
  role: 'docente' as Role,
  schools: [] as string[],
  classIds: [] as number[],
  municipalities: [] as string[],
};

export function CreateUserForm({ actorRole }: { actorRole: Role }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [form, setForm] = useState(empty);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (create.error) alertRef.current?.focus();
  }, [create.error]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const scope = scopeOf(form.role);
    create.mutate(
      {
        email: form.email,
        displayName: form.displayName,
        role: form.role,
        // A teacher's scope is their classes; the schools only narrowed the class list.
        schools: scope.schools && !scope.classes ? form.schools : [],
        classIds: scope.classes ? form.classIds : [],
        municipalities: scope.municipalities ? form.municipalities : [],
      },
      { onSuccess: () => setForm(empty) },
    );
  }

  return (
    <section aria-labelledby="create-user-heading" className="form-card">
      <h2 id="create-user-heading">{t('users.form.title')}</h2>
      {create.isSuccess && <OneTimePassword created={create.data} onDone={() => create.reset()} />}
      {create.isError && (
        <div role="alert" tabIndex={-1} ref={alertRef} className="callout callout-danger">
          <p>{t(messageKey(create.error))}</p>
        </div>
      )}
      <form onSubmit={submit} className="stacked-form">
        <div className="field">
          <label htmlFor="user-email">{t('users.email')}</label>
          <input
            id="user-email"
            type="email"
            autoComplete="off"
            required
            maxLength={254}
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="user-name">{t('users.displayName')}</label>
          <input
            id="user-name"
            type="text"
            autoComplete="off"
            required
            minLength={2}
            maxLength={120}
            value={form.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="user-role">{t('users.role')}</label>
          <select
            id="user-role"
            value={form.role}
            onChange={(e) => setForm({ ...form, role: Role.parse(e.target.value), classIds: [] })}
          >
            {assignableRoles(actorRole).map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <ScopeFields
          role={form.role}
          schools={form.schools}
          classIds={form.classIds}
          // Dropping a school drops the classes picked in it; the simplest correct rule is to pick again.
          onSchoolsChange={(schools) =>
            setForm((f) => ({
              ...f,
              schools,
              classIds: f.schools.every((code) => schools.includes(code)) ? f.classIds : [],
            }))
          }
          onClassIdsChange={(classIds) => setForm((f) => ({ ...f, classIds }))}
          municipalities={form.municipalities}
          onMunicipalitiesChange={(municipalities) => setForm((f) => ({ ...f, municipalities }))}
        />
        <div className="field-actions">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('users.form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
