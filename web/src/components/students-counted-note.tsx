import { useTranslation } from 'react-i18next';

/**
 * The one definition of "students counted", under every total of students (issue 20: the
 * overview said 3 255 and the analysis 3 301). The server counts them one way everywhere:
 * server/src/school-data/students-counted.ts; docs/privacy.md "Studenti contati".
 */
export function StudentsCountedNote() {
  const { t } = useTranslation();
  return <p className="hint students-counted">{t('studentsCounted.note')}</p>;
}
