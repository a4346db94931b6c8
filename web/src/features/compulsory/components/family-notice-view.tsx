import { useState, type ReactNode } from 'react';
import type { FamilyNoticeLetter as Letter } from '@primm/shared/contracts/compulsory';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { PageTitle } from '../../../components/page-title';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { todayIso } from '../days-left';
import { useFamilyNoticeLetter } from '../api/get-family-notice-letter';
import { FamilyNoticeLetter } from './family-notice-letter';
import { LetterFields, type LetterFieldValues } from './letter-fields';

type Props = {
  studentId: number;
  /**
   * The letter itself, composed by the route (issue 21: Italian and the family's language, from
   * the letters' templates); the Italian letter of this feature otherwise.
   */
  renderLetter?: (letter: Letter, fields: LetterFieldValues & { letterDate: string }) => ReactNode;
};

/** The printable notice to the family: protocol number and address typed here, then print. */
export function FamilyNoticeView({ studentId, renderLetter }: Props) {
  const { t } = useTranslation();
  const letter = useFamilyNoticeLetter(studentId);
  const [fields, setFields] = useState<LetterFieldValues>({ protocol: '', address: '' });
  const title = t('compulsory.familyNotice.title');

  return (
    <div className="mayor-report">
      <PageTitle
        page={letter.data ? `${title} – ${letter.data.student.lastName} ${letter.data.student.firstName}` : title}
      />
      <h1 className="no-print">{title}</h1>
      {letter.isPending && <LoadingStatus />}
      {letter.isError &&
        (letter.error instanceof ApiError && letter.error.status === 409 ? (
          <p className="callout callout-info">{t('compulsory.familyNotice.notDue')}</p>
        ) : (
          <ErrorAlert error={letter.error} onRetry={() => void letter.refetch()} />
        ))}
      {letter.data && (
        <>
          <LetterFields value={fields} onChange={setFields} withAddress />
          <div className="no-print toolbar-start">
            <p className="hint">{t('compulsory.familyNotice.printHint')}</p>
            <button type="button" className="btn btn-primary" onClick={() => window.print()}>
              {t('compulsory.report.print')}
            </button>
          </div>
          {renderLetter ? (
            renderLetter(letter.data, {
              ...fields,
              letterDate: formatDate(letter.data.notifiedOn ?? todayIso(), 'it'),
            })
          ) : (
            <FamilyNoticeLetter letter={letter.data} protocol={fields.protocol} address={fields.address} />
          )}
        </>
      )}
    </div>
  );
}
