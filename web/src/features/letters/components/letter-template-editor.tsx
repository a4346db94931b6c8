import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterTemplate } from '@primm/shared/contracts/letters';
import { familyLanguageName } from '@primm/shared/family/languages';
import { LETTER_PLACEHOLDERS, fillTemplate, textDirection } from '@primm/shared/letters/letter-templates';
import { ErrorAlert } from '../../../components/error-alert';
import { fieldIssue } from '../../../lib/api-client';
import { useUpdateLetterTemplate } from '../api/update-letter-template';

/** Made-up facts for the preview: every placeholder a letter may use has one. */
const SAMPLE = {
  studentName: 'Rossi Mario',
  schoolName: 'IIS Esempio',
  schoolCode: 'ANIS00000X',
  className: '2A',
  letterDate: '10/03/2026',
  protocol: '1234',
  birthDate: '12/05/2011',
  schoolYear: '2025/2026',
  windowFrom: '11/12/2025',
  triggeredOn: '09/03/2026',
  daysCount: '16',
  countedDays: '11/12/2025, 12/12/2025, …',
  legalBasis: 'art. 114 D.Lgs 16 aprile 1994, n. 297',
  meetingDate: '17/03/2026',
  meetingTime: '10:30',
  meetingPlace: 'IIS Esempio, via Roma 1',
  actionDate: '16/03/2026',
  destination: 'CFP Esempio – operatore meccanico',
};

type Props = { template: LetterTemplate; onDone: (saved: boolean) => void };

/**
 * The admin's editor of one template: the text, its preview with sample facts in the letter's
 * own language and direction, and the server's reason when it refuses an unknown placeholder.
 */
export function LetterTemplateEditor({ template, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [body, setBody] = useState(template.body);
  const update = useUpdateLetterTemplate();
  const issue = fieldIssue(update.error);
  const letter = t(`letters.kinds.${template.kind}`);
  const language = familyLanguageName(template.language, i18n.language);
  const placeholders = LETTER_PLACEHOLDERS[template.kind].map((p) => `{{${p}}}`).join(', ');

  return (
    <form
      className="form-card letter-template-editor"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ kind: template.kind, language: template.language, body }, { onSuccess: () => onDone(true) });
      }}
    >
      <h3 id={`${id}-title`}>{t('letters.admin.editing', { letter, language })}</h3>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('letters.admin.body')}</label>
        <textarea
          id={`${id}-body`}
          rows={14}
          lang={template.language}
          dir={textDirection(template.language)}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={issue ? true : undefined}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          {t('letters.admin.bodyHint', { placeholders })}
        </p>
      </div>
      {update.isError &&
        (issue ? (
          <p role="alert" className="callout callout-danger">
            {issue.message}
          </p>
        ) : (
          <ErrorAlert error={update.error} />
        ))}
      <section aria-labelledby={`${id}-preview`} className="letter-preview">
        <h4 id={`${id}-preview`}>{t('letters.admin.preview')}</h4>
        <div className="letter" lang={template.language} dir={textDirection(template.language)}>
          {fillTemplate(body, SAMPLE, { isolate: textDirection(template.language) === 'rtl' })
            .split(/\n\s*\n/)
            .filter((p) => p.trim())
            .map((p, i) => (
              <p key={i}>{p.trim()}</p>
            ))}
        </div>
      </section>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {t('letters.admin.save')}
        </button>
        <button type="button" className="btn btn-outline" onClick={() => onDone(false)}>
          {t('letters.admin.cancel')}
        </button>
      </div>
    </form>
  );
}
