import { useTranslation } from 'react-i18next';
import { languages } from '../lib/i18n';

/** A group of toggle buttons: the pressed one is the current language (WAI-ARIA button, aria-pressed). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div role="group" aria-label={t('app.language.label')} className="language-switch">
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          title={t(`app.language.${language}`)}
          aria-pressed={current === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
