import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { PageTitle } from '../../components/page-title';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../features/auth/api/get-me';
import { ServiceTokens } from '../../features/service-tokens/components/service-tokens';
import { BulkCreateUsers } from '../../features/users/components/bulk-create-users';
import { CreateUserForm } from '../../features/users/components/create-user-form';
import { UserList } from '../../features/users/components/user-list';

export function Component() {
  const { t } = useTranslation();
  const me = useMe().data;

  return (
    <>
      <PageTitle page={t('users.title')} />
      <h1>{t('users.title')}</h1>
      {me?.role === 'admin' || me?.role === 'referente' ? (
        <>
          <p className="lead">{t(me.role === 'admin' ? 'users.introAdmin' : 'users.introReferente')}</p>
          <UserList actor={me} />
          <CreateUserForm actorRole={me.role} />
          <BulkCreateUsers />
          {me.role === 'admin' && <ServiceTokens />}
        </>
      ) : (
        // The server refuses too; this spares a request that can only fail.
        <ErrorAlert error={new ApiError(403, 'forbidden', 'role')} />
      )}
    </>
  );
}
