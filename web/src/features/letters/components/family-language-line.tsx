import { useTranslation } from 'react-i18next';
import type { StudentLetterTemplates } from '@primm/shared/contracts/letters';
import { familyLanguageName } from '@primm/shared/family/languages';

/** On screen only: which language the letter will print in besides Italian, and why. */
export function FamilyLanguageLine({ templates }: { templates: StudentLetterTemplates }) {
  const { t, i18n } = useTranslation();
  const language = templates.familyLanguage;
  return (
    <p className="hint no-print">
      {language
        ? t('letters.page.languageLine', { language: familyLanguageName(language, i18n.language) })
        : t('letters.page.languageNone')}
    </p>
  );
}
