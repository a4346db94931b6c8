import { useTranslation } from 'react-i18next';
import type { LetterTemplate, StudentLetterTemplates } from '@primm/shared/contracts/letters';
import { familyLanguageName } from '@primm/shared/family/languages';
import {
  UNVERIFIED_NOTE,
  fillTemplate,
  nativeLanguageName,
  textDirection,
  type LetterValues,
} from '@primm/shared/letters/letter-templates';
import { formatDate } from '../../../lib/format';

export type LetterFrame = {
  school: { name: string; code: string; municipality: string | null };
  /** "Alla famiglia di …": the student's name. */
  addressee: string;
  /** The family's postal address typed at print time, one line each; blank lines when empty. */
  address?: string;
  protocol: string;
  /** dd/mm/yyyy, as the letter prints it. */
  letterDate: string;
};

type Props = { templates: StudentLetterTemplates; values: LetterValues; frame: LetterFrame; label: string };

/**
 * A letter to a family, Italian first, then its translation into the family's language on a page
 * of its own. One after the other rather than side by side: on A4 portrait two columns of ≈ 8 cm
 * hold a dozen words a line, too few for Arabic or Bengali script at a legible size; paragraphs
 * of two languages do not line up anyway, and a right-to-left column beside a left-to-right one
 * reads badly. On its own page the translation is a whole letter the family can keep. The frame
 * (school, protocol, addressee, signature) is the school's act and stays Italian.
 */
export function BilingualLetter({ templates, values, frame, label }: Props) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('it');
  const all = { ...values, protocol: frame.protocol, letterDate: frame.letterDate };
  const addressLines = (frame.address ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const language = templates.familyLanguage;

  return (
    <>
      <article className="letter" lang="it" aria-label={label}>
        <header className="letter-from">
          <p className="letter-school">{frame.school.name}</p>
          <p>{t('letters.print.schoolCode', { code: frame.school.code })}</p>
          {frame.school.municipality && <p>{frame.school.municipality}</p>}
        </header>
        <p className="letter-protocol">
          {t('letters.print.protocolLine', { protocol: frame.protocol.trim() || '________', date: frame.letterDate })}
        </p>
        <div className="letter-to">
          <p>{t('letters.print.to', { name: frame.addressee })}</p>
          {addressLines.length > 0 ? (
            addressLines.map((line, i) => <p key={i}>{line}</p>)
          ) : (
            <>
              <p className="visually-hidden">{t('letters.print.addressBlank')}</p>
              <p className="signature-line address-line" aria-hidden="true" />
              <p className="signature-line address-line" aria-hidden="true" />
            </>
          )}
        </div>
        <LetterBody template={templates.italian} values={all} />
        <p className="letter-place">
          {frame.school.municipality ? `${frame.school.municipality}, ${frame.letterDate}` : frame.letterDate}
        </p>
        <div className="letter-signature">
          <p>{t('letters.print.signer')}</p>
          <p className="signature-line" aria-hidden="true" />
          <p className="hint">({t('letters.print.signature')})</p>
        </div>
        {templates.translationMissing && language && (
          <p className="letter-note" role="note">
            {t('letters.print.translationMissing', { language: familyLanguageName(language, 'it') })}
          </p>
        )}
      </article>
      {templates.translation && <Translation template={templates.translation} values={all} frame={frame} />}
    </>
  );
}

function Translation({
  template,
  values,
  frame,
}: {
  template: LetterTemplate;
  values: LetterValues;
  frame: LetterFrame;
}) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('it');
  const code = template.language;
  const note = UNVERIFIED_NOTE[code as keyof typeof UNVERIFIED_NOTE];
  const heading = t('letters.print.translationOf', {
    language: familyLanguageName(code, 'it'),
    native: nativeLanguageName(code),
    protocol: frame.protocol.trim() || '________',
    date: frame.letterDate,
  });
  return (
    <article
      className="letter letter-translation"
      lang={code}
      dir={textDirection(code)}
      aria-label={t('letters.print.translationLabel', { language: familyLanguageName(code, 'it') })}
    >
      {/* the school's own words about the translation are Italian, whatever the page's direction */}
      <p className="letter-translation-heading" lang="it" dir="ltr">
        {heading}
      </p>
      {template.verifiedAt === null ? (
        <p className="letter-unverified">
          <span lang="it" dir="ltr">
            {t('letters.print.unverified')}
          </span>
          {note && code !== 'it' && <span> {note}</span>}
        </p>
      ) : (
        <p className="hint no-print" lang="it" dir="ltr">
          {t('letters.print.verified', {
            name: template.verifiedBy?.name ?? '—',
            date: formatDate(template.verifiedAt.slice(0, 10), 'it'),
          })}
        </p>
      )}
      <LetterBody template={template} values={values} />
      <p className="letter-place">
        {frame.school.name}, {frame.letterDate}
      </p>
    </article>
  );
}

/** The template's paragraphs (separated by a blank line), the first one being the subject. */
function LetterBody({ template, values }: { template: LetterTemplate; values: LetterValues }) {
  const paragraphs = fillTemplate(template.body, values, { isolate: textDirection(template.language) === 'rtl' })
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div className="letter-body">
      {paragraphs.map((p, i) => (
        <p key={i} className={i === 0 ? 'letter-subject' : undefined}>
          {p}
        </p>
      ))}
    </div>
  );
}
