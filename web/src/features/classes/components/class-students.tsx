import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { useClassStudents } from '../api/get-class-students';
import { ClassStudentsTable } from './class-students-table';

export function ClassStudents({ id }: { id: number }) {
  const { t } = useTranslation();
  const students = useClassStudents(id);

  if (students.isPending) return <LoadingStatus />;
  if (students.isError) return <ErrorAlert error={students.error} onRetry={() => void students.refetch()} />;
  if (students.data.items.length === 0) return <EmptyState>{t('classes.noStudents')}</EmptyState>;
  return <ClassStudentsTable students={students.data.items} />;
}
