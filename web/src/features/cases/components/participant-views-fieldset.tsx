import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HelpedMost,
  ParticipantPerspective,
  type ParticipantViewInput,
} from '@primm/shared/contracts/participant-views';

/** One perspective's answers while the form is filled: ticked, then a score and a choice. */
export interface ViewDraft {
  on: boolean;
  helped: string;
  helpedMost: string;
  comment: string;
}
export type ViewDrafts = Record<ParticipantPerspective, ViewDraft>;

export const emptyDrafts = (): ViewDrafts => ({
  young_person: { on: false, helped: '', helpedMost: '', comment: '' },
  family: { on: false, helped: '', helpedMost: '', comment: '' },
  receiving_org: { on: false, helped: '', helpedMost: '', comment: '' },
});

/** The ticked views as the contract wants them; null when a ticked one misses its score or choice. */
export function viewsOf(
  drafts: ViewDrafts,
  perspectives: readonly ParticipantPerspective[],
): ParticipantViewInput[] | null {
  const views: ParticipantViewInput[] = [];
  for (const p of perspectives) {
    const d = drafts[p];
    if (!d.on) continue;
    const helpedMost = HelpedMost.safeParse(d.helpedMost);
    if (!d.helped || !helpedMost.success) return null;
    views.push({
      perspective: p,
      helped: Number(d.helped),
      helpedMost: helpedMost.data,
      ...(d.comment.trim() ? { comment: d.comment.trim() } : {}),
    });
  }
  return views;
}

/**
 * Issue 22: on closing, the young person's, the family's and (reorientations) the receiving
 * organisation's own view. Optional; a ticked perspective asks for a score and a choice.
 */
export function ParticipantViewsFieldset({
  drafts,
  perspectives,
  invalid,
  onChange,
}: {
  drafts: ViewDrafts;
  perspectives: readonly ParticipantPerspective[];
  invalid: boolean;
  onChange: (drafts: ViewDrafts) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = (p: ParticipantPerspective, patch: Partial<ViewDraft>) =>
    onChange({ ...drafts, [p]: { ...drafts[p], ...patch } });
  return (
    <fieldset className="field" aria-describedby={`${id}-hint`}>
      <legend>{t('whatWorks.closeForm.legend')}</legend>
      <p id={`${id}-hint`} className="hint">
        {t('whatWorks.closeForm.hint')}
      </p>
      {invalid && (
        <p className="field-error" role="alert">
          {t('whatWorks.closeForm.required')}
        </p>
      )}
      {perspectives.map((p) => {
        const d = drafts[p];
        const base = `${id}-${p}`;
        return (
          <div key={p} className="stacked-form">
            <label className="checkbox">
              <input type="checkbox" checked={d.on} onChange={(e) => set(p, { on: e.target.checked })} />{' '}
              {t('whatWorks.closeForm.record', { who: t(`whatWorks.perspective.${p}`) })}
            </label>
            {d.on && (
              <>
                <div className="field">
                  <label htmlFor={`${base}-helped`}>
                    {t(`whatWorks.perspective.${p}`)} – {t('whatWorks.closeForm.helped')}
                  </label>
                  <select
                    id={`${base}-helped`}
                    value={d.helped}
                    aria-invalid={invalid && !d.helped}
                    onChange={(e) => set(p, { helped: e.target.value })}
                  >
                    <option value="">{t('whatWorks.closeForm.choose')}</option>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <option key={n} value={String(n)}>
                        {n}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${base}-most`}>
                    {t(`whatWorks.perspective.${p}`)} – {t('whatWorks.closeForm.helpedMost')}
                  </label>
                  <select
                    id={`${base}-most`}
                    value={d.helpedMost}
                    aria-invalid={invalid && !d.helpedMost}
                    onChange={(e) => set(p, { helpedMost: e.target.value })}
                  >
                    <option value="">{t('whatWorks.closeForm.choose')}</option>
                    {HelpedMost.options.map((h) => (
                      <option key={h} value={h}>
                        {t(`whatWorks.helpedMost.${h}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${base}-comment`}>
                    {t(`whatWorks.perspective.${p}`)} – {t('whatWorks.closeForm.comment')}
                  </label>
                  <textarea
                    id={`${base}-comment`}
                    rows={2}
                    maxLength={2000}
                    value={d.comment}
                    onChange={(e) => set(p, { comment: e.target.value })}
                  />
                </div>
              </>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
