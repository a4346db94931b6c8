import { useTranslation } from 'react-i18next';
import type { RiskMarkers } from '@primm/shared/contracts/risk';

/**
 * What is already under way for a student (issue 19): an open flag, an open case, the art. 114
 * procedure. Words with an icon (not colour alone, WCAG 1.4.1) and no tab stop: the row's one
 * stop is the student's name.
 */
export function RiskMarkersView({ markers }: { markers: RiskMarkers }) {
  const { t } = useTranslation();
  const items: { key: string; icon: string; text: string }[] = [];
  if (markers.openFlags > 0)
    items.push({ key: 'flag', icon: '⚑', text: t('riskList.markers.flagged', { count: markers.openFlags }) });
  if (markers.openCases > 0)
    items.push({ key: 'case', icon: '●', text: t('riskList.markers.openCase', { count: markers.openCases }) });
  if (markers.compulsory)
    items.push({ key: 'compulsory', icon: '§', text: t(`riskList.markers.compulsory.${markers.compulsory}`) });
  if (items.length === 0) {
    return (
      <span className="hint">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('riskList.markers.none')}</span>
      </span>
    );
  }
  return (
    <ul className="marker-list">
      {items.map((m) => (
        <li key={m.key} className={`marker marker-${m.key}`}>
          <span aria-hidden="true">{m.icon}</span> {m.text}
        </li>
      ))}
    </ul>
  );
}
