import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FamilyLanguage, type StudentFamily } from '@primm/shared/contracts/family';
import { FAMILY_LANGUAGES, familyLanguageName } from '@primm/shared/family/languages';
import { Confirmation } from '../../../components/confirmation';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDateTime } from '../../../lib/format';
import { useStudentFamily } from '../api/get-student-family';
import { useUpdateStudentFamily } from '../api/update-student-family';

type Interpreter = 'yes' | 'no' | 'unknown';
const interpreterOf = (v: boolean | null): Interpreter => (v === null ? 'unknown' : v ? 'yes' : 'no');

/**
 * How to reach the family: the language it reads (with its own name, so the mediator can check
 * it with them) and whether an interpreter is needed. Read by all who see the student; the
 * mediators and referents of the school change it (`canEdit` comes from the server).
 */
export function StudentFamilyPanel({ studentId }: { studentId: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  const family = useStudentFamily(studentId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const [cancelled, setCancelled] = useState(false);

  return (
    <section aria-labelledby={headingId} className="section family-panel">
      <h2 id={headingId}>{t('family.title')}</h2>
      {family.isPending && <LoadingStatus />}
      {family.isError && <ErrorAlert error={family.error} onRetry={() => void family.refetch()} />}
      {family.isSuccess && (
        <>
          {saved !== null && !editing && <Confirmation key={saved}>{t('family.saved')}</Confirmation>}
          {editing ? (
            <FamilyForm
              studentId={studentId}
              family={family.data}
              onDone={(when) => {
                setEditing(false);
                setSaved(when);
              }}
              onCancel={() => {
                setEditing(false);
                setCancelled(true);
              }}
            />
          ) : (
            <FamilyFacts
              family={family.data}
              focusEdit={cancelled}
              onEdit={() => {
                setSaved(null);
                setCancelled(false);
                setEditing(true);
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

/** `focusEdit`: back from a cancelled edit, the focus returns to the button that opened it. */
function FamilyFacts({ family, focusEdit, onEdit }: { family: StudentFamily; focusEdit: boolean; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const edit = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusEdit) edit.current?.focus();
  }, [focusEdit]);
  const language = family.language ? FAMILY_LANGUAGES.find((l) => l.code === family.language) : undefined;
  return (
    <>
      <dl className="inline-facts">
        <dt>{t('family.language')}</dt>
        <dd>
          {language ? (
            <>
              {familyLanguageName(language.code, i18n.language)}
              {language.native !== familyLanguageName(language.code, i18n.language) && (
                <>
                  {' '}
                  (<span lang={language.code}>{language.native}</span>)
                </>
              )}
            </>
          ) : (
            t('family.notRecorded')
          )}
        </dd>
        <dt>{t('family.interpreter')}</dt>
        <dd>
          {family.interpreterNeeded === null
            ? t('family.notRecorded')
            : t(family.interpreterNeeded ? 'family.interpreterYes' : 'family.interpreterNo')}
        </dd>
      </dl>
      {family.updatedAt && family.updatedBy && (
        <p className="hint">
          {t('family.updated', { by: family.updatedBy.name, at: formatDateTime(family.updatedAt, i18n.language) })}
        </p>
      )}
      {family.canEdit ? (
        <button ref={edit} type="button" className="btn btn-outline btn-small" onClick={onEdit}>
          {t('family.edit')}
        </button>
      ) : (
        <p className="hint">{t('family.readOnly')}</p>
      )}
    </>
  );
}

type FormProps = { studentId: number; family: StudentFamily; onDone: (when: number) => void; onCancel: () => void };

function FamilyForm({ studentId, family, onDone, onCancel }: FormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const update = useUpdateStudentFamily(studentId);
  const [language, setLanguage] = useState<string>(family.language ?? '');
  const [interpreter, setInterpreter] = useState<Interpreter>(interpreterOf(family.interpreterNeeded));
  // the list in the reader's language, alphabetical, Italian first (the school's own language)
  const options = FAMILY_LANGUAGES.map((l) => ({ code: l.code, name: familyLanguageName(l.code, i18n.language) })).sort(
    (a, b) => Number(b.code === 'it') - Number(a.code === 'it') || a.name.localeCompare(b.name, i18n.language),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate(
      {
        language: FamilyLanguage.safeParse(language).data ?? null,
        interpreterNeeded: interpreter === 'unknown' ? null : interpreter === 'yes',
      },
      { onSuccess: () => onDone(Date.now()) },
    );
  }

  return (
    <form onSubmit={submit} className="stacked-form form-card" aria-label={t('family.title')}>
      {update.isError && <ErrorAlert error={update.error} />}
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('family.language')}</label>
        <select id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.target.value)}>
          <option value="">{t('family.languageUnset')}</option>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="radio-group">
        <legend>{t('family.interpreter')}</legend>
        {(['yes', 'no', 'unknown'] as const).map((v) => (
          <label key={v} className="radio">
            <input
              type="radio"
              name={`${id}-interpreter`}
              value={v}
              checked={interpreter === v}
              onChange={() => setInterpreter(v)}
            />{' '}
            {t(
              v === 'yes' ? 'family.interpreterYes' : v === 'no' ? 'family.interpreterNo' : 'family.interpreterUnknown',
            )}
          </label>
        ))}
      </fieldset>
      <div className="field-actions">
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {t('family.save')}
        </button>
        <button type="button" className="btn btn-outline" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
