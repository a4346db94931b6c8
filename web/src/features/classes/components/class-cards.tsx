import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { useClass } from '../api/get-class';

function ClassCard({ id, children }: { id: number; children: ReactNode }) {
  const { t } = useTranslation();
  const detail = useClass(id);
  return (
    <li className="card class-card">
      {detail.isPending && <LoadingStatus />}
      {detail.isError && <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.isSuccess && (
        <>
          <h2>{t('classes.title', { name: detail.data.name })}</h2>
          <p className="hint">
            {detail.data.school.name} – {detail.data.schoolYear}
          </p>
        </>
      )}
      {children}
    </li>
  );
}

/** One card per class of the teacher; what a card shows beyond the class is composed by the page (`renderBody`). */
export function ClassCards({
  classIds,
  renderBody,
}: {
  classIds: number[];
  renderBody: (classId: number) => ReactNode;
}) {
  const { t } = useTranslation();
  if (classIds.length === 0) return <EmptyState>{t('classes.noClassesAssigned')}</EmptyState>;
  return (
    <ul className="card-grid">
      {classIds.map((id) => (
        <ClassCard key={id} id={id}>
          {renderBody(id)}
        </ClassCard>
      ))}
    </ul>
  );
}
