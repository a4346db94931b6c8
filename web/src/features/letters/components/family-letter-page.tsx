import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterKind } from '@primm/shared/contracts/letters';
import type { LetterValues } from '@primm/shared/letters/letter-templates';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { PageTitle } from '../../../components/page-title';
import { formatDate } from '../../../lib/format';
import { useStudentLetter } from '../api/get-student-letter';
import { BilingualLetter, type LetterFrame } from './bilingual-letter';
import { FamilyLanguageLine } from './family-language-line';

type Props = {
  kind: Exclude<LetterKind, 'family_notice'>;
  studentId: number;
  title: string;
  label: string;
  school: LetterFrame['school'];
  studentName: string;
  /** The facts of the case or of its action, as the placeholders name them. */
  values: LetterValues;
};

type Fields = { protocol: string; address: string; meetingDate: string; meetingTime: string; meetingPlace: string };

const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * A letter from a case (invitation to a meeting, information on a reorientation): what the data
 * do not hold is typed here and never stored — protocol number, address and, for a meeting, its
 * date, time and place — then the letter prints in Italian and in the family's language.
 */
export function FamilyLetterPage({ kind, studentId, title, label, school, studentName, values }: Props) {
  const { t } = useTranslation();
  const texts = useStudentLetter(studentId, kind);
  const [fields, setFields] = useState<Fields>({
    protocol: '',
    address: '',
    meetingDate: '',
    meetingTime: '',
    meetingPlace: school.name,
  });
  const ids = { protocol: useId(), address: useId(), date: useId(), time: useId(), place: useId(), hint: useId() };
  const set = (key: keyof Fields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });
  const letterDate = formatDate(todayIso(), 'it');

  return (
    <div className="mayor-report">
      <PageTitle page={`${title} – ${studentName}`} />
      <h1 className="no-print">{title}</h1>
      <fieldset className="form-card no-print letter-fields" aria-describedby={ids.hint}>
        <legend>{t('letters.page.fields')}</legend>
        <p id={ids.hint} className="hint">
          {t('letters.page.fieldsHint')}
        </p>
        <div className="field">
          <label htmlFor={ids.protocol}>{t('letters.page.protocol')}</label>
          <input
            id={ids.protocol}
            type="text"
            maxLength={40}
            autoComplete="off"
            value={fields.protocol}
            onChange={set('protocol')}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.address}>{t('letters.page.address')}</label>
          <textarea id={ids.address} rows={3} maxLength={300} value={fields.address} onChange={set('address')} />
        </div>
        {kind === 'meeting_invitation' && (
          <>
            <div className="field">
              <label htmlFor={ids.date}>{t('letters.page.meetingDate')}</label>
              <input id={ids.date} type="date" value={fields.meetingDate} onChange={set('meetingDate')} />
            </div>
            <div className="field">
              <label htmlFor={ids.time}>{t('letters.page.meetingTime')}</label>
              <input id={ids.time} type="time" value={fields.meetingTime} onChange={set('meetingTime')} />
            </div>
            <div className="field">
              <label htmlFor={ids.place}>{t('letters.page.meetingPlace')}</label>
              <input
                id={ids.place}
                type="text"
                maxLength={200}
                value={fields.meetingPlace}
                onChange={set('meetingPlace')}
              />
            </div>
          </>
        )}
      </fieldset>
      {texts.isPending && <LoadingStatus />}
      {texts.isError && <ErrorAlert error={texts.error} onRetry={() => void texts.refetch()} />}
      {texts.data && (
        <>
          <FamilyLanguageLine templates={texts.data} />
          <div className="no-print toolbar-start">
            <p className="hint">{t('letters.page.printHint')}</p>
            <button type="button" className="btn btn-primary" onClick={() => window.print()}>
              {t('letters.page.print')}
            </button>
          </div>
          <BilingualLetter
            templates={texts.data}
            label={label}
            frame={{ school, addressee: studentName, address: fields.address, protocol: fields.protocol, letterDate }}
            values={{
              ...values,
              meetingDate: fields.meetingDate ? formatDate(fields.meetingDate, 'it') : '',
              meetingTime: fields.meetingTime,
              meetingPlace: fields.meetingPlace,
            }}
          />
        </>
      )}
    </div>
  );
}
