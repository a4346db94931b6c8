import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterKind, LetterTemplate } from '@primm/shared/contracts/letters';
import { familyLanguageName, FAMILY_LANGUAGES } from '@primm/shared/family/languages';
import { LETTER_KINDS } from '@primm/shared/letters/letter-templates';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { TableScroll } from '../../../components/table-scroll';
import { formatDate } from '../../../lib/format';
import { useLetterTemplates } from '../api/get-letter-templates';
import { useVerifyLetterTemplate } from '../api/update-letter-template';
import { LetterTemplateEditor } from './letter-template-editor';

type Key = { kind: LetterKind; language: string };
const order = (code: string) => FAMILY_LANGUAGES.findIndex((l) => l.code === code);

/** The templates by letter, Italian first then the languages in the list's order; edit and verify. */
export function LetterTemplatesAdmin() {
  const { t } = useTranslation();
  const list = useLetterTemplates();
  const verify = useVerifyLetterTemplate();
  const [editing, setEditing] = useState<Key | null>(null);
  const [status, setStatus] = useState('');

  if (list.isPending) return <LoadingStatus />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <p role="status" className="status-line">
        {status}
      </p>
      {verify.isError && <ErrorAlert error={verify.error} />}
      {LETTER_KINDS.map((kind) => {
        const rows = list.data.items
          .filter((r) => r.kind === kind)
          .sort((a, b) => order(a.language) - order(b.language));
        const open = editing?.kind === kind ? rows.find((r) => r.language === editing.language) : undefined;
        return (
          <section key={kind} className="section" aria-labelledby={`letters-${kind}`}>
            <h2 id={`letters-${kind}`}>{t(`letters.kinds.${kind}`)}</h2>
            <TableScroll labelledBy={`letters-${kind}-caption`}>
              <table className="table">
                <caption id={`letters-${kind}-caption`} className="visually-hidden">
                  {t('letters.admin.caption', { letter: t(`letters.kinds.${kind}`) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('letters.admin.language')}</th>
                    <th scope="col">{t('letters.admin.status')}</th>
                    <th scope="col">{t('letters.admin.edited')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('letters.admin.edit')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <TemplateRow
                      key={r.language}
                      template={r}
                      onEdit={() => {
                        setStatus('');
                        setEditing({ kind, language: r.language });
                      }}
                      onVerify={() =>
                        verify.mutate(
                          { kind, language: r.language },
                          { onSuccess: () => setStatus(t('letters.admin.verifiedNow')) },
                        )
                      }
                      verifying={verify.isPending}
                    />
                  ))}
                </tbody>
              </table>
            </TableScroll>
            {open && (
              <LetterTemplateEditor
                key={`${open.kind}-${open.language}`}
                template={open}
                onDone={(saved) => {
                  setEditing(null);
                  if (saved) setStatus(t('letters.admin.saved'));
                }}
              />
            )}
          </section>
        );
      })}
    </>
  );
}

type RowProps = { template: LetterTemplate; onEdit: () => void; onVerify: () => void; verifying: boolean };

function TemplateRow({ template: r, onEdit, onVerify, verifying }: RowProps) {
  const { t, i18n } = useTranslation();
  const language = familyLanguageName(r.language, i18n.language);
  const letter = t(`letters.kinds.${r.kind}`);
  const date = (iso: string) => formatDate(iso.slice(0, 10), i18n.language);
  return (
    <tr>
      <th scope="row">{language}</th>
      <td>
        {r.language === 'it'
          ? t('letters.admin.italianOriginal')
          : r.verifiedAt
            ? t('letters.admin.verifiedBy', { name: r.verifiedBy?.name ?? '—', date: date(r.verifiedAt) })
            : t('letters.admin.notVerified')}
      </td>
      <td>{r.updatedAt ? `${date(r.updatedAt)} – ${r.updatedBy?.name ?? '—'}` : t('letters.admin.shipped')}</td>
      <td>
        <div className="row-actions">
          <button
            type="button"
            className="btn btn-outline"
            onClick={onEdit}
            aria-label={t('letters.admin.editLabel', { letter, language })}
          >
            {t('letters.admin.edit')}
          </button>
          {r.language !== 'it' && !r.verifiedAt && (
            <button
              type="button"
              className="btn btn-outline"
              disabled={verifying}
              onClick={onVerify}
              aria-label={t('letters.admin.verifyLabel', { letter, language })}
            >
              {t('letters.admin.verify')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
