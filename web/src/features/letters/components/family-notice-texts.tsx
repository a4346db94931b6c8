import { useTranslation } from 'react-i18next';
import type { FamilyNoticeLetter } from '@primm/shared/contracts/compulsory';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDate } from '../../../lib/format';
import { useStudentLetter } from '../api/get-student-letter';
import { BilingualLetter } from './bilingual-letter';
import { FamilyLanguageLine } from './family-language-line';

type Props = { studentId: number; letter: FamilyNoticeLetter; protocol: string; address: string; letterDate: string };

/** The notice of art. 114 from its facts (the compulsory route's), in Italian and the family's language. */
export function FamilyNoticeTexts({ studentId, letter, protocol, address, letterDate }: Props) {
  const { t } = useTranslation();
  const texts = useStudentLetter(studentId, 'family_notice');
  const date = (d: string) => formatDate(d, 'it');
  const studentName = `${letter.student.lastName} ${letter.student.firstName}`;
  if (texts.isPending) return <LoadingStatus />;
  if (texts.isError) return <ErrorAlert error={texts.error} onRetry={() => void texts.refetch()} />;
  return (
    <>
      <FamilyLanguageLine templates={texts.data} />
      <BilingualLetter
        templates={texts.data}
        label={t('letters.page.noticeLabel')}
        frame={{ school: letter.school, addressee: studentName, address, protocol, letterDate }}
        values={{
          studentName,
          birthDate: date(letter.student.birthDate),
          schoolName: letter.school.name,
          schoolCode: letter.school.code,
          className: letter.student.className,
          schoolYear: letter.schoolYear,
          windowFrom: date(letter.windowFrom),
          triggeredOn: date(letter.triggeredOn),
          daysCount: String(letter.countedDays.length),
          countedDays: letter.countedDays.map(date).join(', '),
          legalBasis: letter.legalBasis,
        }}
      />
    </>
  );
}
