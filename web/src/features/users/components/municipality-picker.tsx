import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { useMunicipalityOptions } from '../api/get-municipality-options';

type Props = { idPrefix: string; value: string[]; onChange: (codes: string[]) => void };

/** Matches shown at once: the 225 municipalities are found by typing, not by scrolling. */
const SHOWN = 12;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The municipalities a PUA or comune account serves (≥ 1, users/service.ts), picked from Marche's
 * by name or ISTAT code; the chosen ones stay listed above the search, each with its own checkbox.
 */
export function MunicipalityPicker({ idPrefix, value, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const options = useMunicipalityOptions();

  if (options.isPending) return <LoadingStatus />;
  if (options.isError) return <ErrorAlert error={options.error} onRetry={() => void options.refetch()} />;

  const all = options.data.items;
  const chosen = all.filter((m) => value.includes(m.istatCode));
  const needle = fold(q.trim());
  const matches =
    needle.length === 0
      ? []
      : all.filter(
          (m) => !value.includes(m.istatCode) && (fold(m.name).includes(needle) || m.istatCode.includes(needle)),
        );
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((c) => c !== code));
  const box = (m: (typeof all)[number], checked: boolean) => (
    <li key={m.istatCode}>
      <label className="checkbox">
        <input type="checkbox" checked={checked} onChange={(e) => toggle(m.istatCode, e.currentTarget.checked)} />{' '}
        {m.name} ({m.provinceCode}, {m.istatCode})
      </label>
    </li>
  );

  return (
    <fieldset className="field municipality-picker" aria-describedby={`${id}-hint`}>
      <legend>{t('users.form.municipalities')}</legend>
      <p id={`${id}-hint`} className="hint">
        {t('users.form.municipalitiesHint')}
      </p>
      {chosen.length > 0 && (
        <ul className="plain-list" aria-label={t('users.form.municipalitiesChosen')}>
          {chosen.map((m) => box(m, true))}
        </ul>
      )}
      <label htmlFor={`${idPrefix}-municipality-search`}>{t('users.form.municipalitySearch')}</label>
      <input
        id={`${idPrefix}-municipality-search`}
        type="search"
        autoComplete="off"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {needle.length > 0 && (
        <ul className="plain-list" aria-label={t('users.form.municipalityMatches')}>
          {matches.length === 0 && <li>{t('users.form.municipalityNone')}</li>}
          {matches.slice(0, SHOWN).map((m) => box(m, false))}
          {matches.length > SHOWN && (
            <li className="hint">{t('users.form.municipalityMore', { count: matches.length - SHOWN })}</li>
          )}
        </ul>
      )}
    </fieldset>
  );
}
