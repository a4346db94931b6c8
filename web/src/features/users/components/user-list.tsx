import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { useUsers } from '../api/get-users';
import { UsersTable } from './users-table';

export function UserList() {
  const { t } = useTranslation();
  const users = useUsers();

  if (users.isPending) return <LoadingStatus />;
  if (users.isError) return <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />;
  if (users.data.items.length === 0) return <EmptyState>{t('users.empty')}</EmptyState>;
  return <UsersTable users={users.data.items} />;
}
