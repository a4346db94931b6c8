import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { PageTitle } from '../../../components/page-title';
import { ApiError } from '../../../lib/api-client';
import { useMayorReport } from '../api/get-mayor-report';
import { LetterFields, type LetterFieldValues } from './letter-fields';
import { MayorReportLetter } from './mayor-report-letter';

/** The printable report page: a print button and the letter; nothing else prints (styles.css, @media print). */
export function MayorReportView({ studentId }: { studentId: number }) {
  const { t } = useTranslation();
  const report = useMayorReport(studentId);
  const [fields, setFields] = useState<LetterFieldValues>({ protocol: '' });
  const title = t('compulsory.report.title');

  return (
    <div className="mayor-report">
      <PageTitle
        page={report.data ? `${title} – ${report.data.student.lastName} ${report.data.student.firstName}` : title}
      />
      <h1 className="no-print">{title}</h1>
      {report.isPending && <LoadingStatus />}
      {report.isError &&
        (report.error instanceof ApiError && report.error.status === 409 ? (
          <p className="callout callout-info">{t('compulsory.report.notDue')}</p>
        ) : (
          <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
        ))}
      {report.data && (
        <>
          <LetterFields value={fields} onChange={setFields} />
          {report.data.municipality && !report.data.municipality.pec && (
            <p className="callout callout-warning no-print">
              {t('compulsory.report.pecMissingHint', { municipality: report.data.municipality.name })}
            </p>
          )}
          <div className="no-print toolbar-start">
            <p className="hint">{t('compulsory.report.printHint')}</p>
            <button type="button" className="btn btn-primary" onClick={() => window.print()}>
              {t('compulsory.report.print')}
            </button>
          </div>
          <MayorReportLetter report={report.data} protocol={fields.protocol} />
        </>
      )}
    </div>
  );
}
