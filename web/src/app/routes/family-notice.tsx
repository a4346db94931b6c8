import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Id } from '@primm/shared/contracts/domain';
import { useMe } from '../../features/auth/api/get-me';
import { FamilyNoticeView } from '../../features/compulsory/components/family-notice-view';
import { FamilyNoticeTexts } from '../../features/letters/components/family-notice-texts';
import { Forbidden } from './forbidden';
import { NotFound } from './not-found';

/** The school's acts are the referents', mediators' and admin's (server: GET compulsory/notice-letter). */
const LETTER_ROLES = ['admin', 'referente', 'mediatore'];

export function Component() {
  const { t } = useTranslation();
  const id = Id.safeParse(useParams().id);
  const me = useMe().data;
  if (!id.success) return <NotFound />;
  if (!me || !LETTER_ROLES.includes(me.role)) return <Forbidden title={t('compulsory.familyNotice.title')} />;
  return (
    <>
      <p className="back-link no-print">
        <Link to={`/studenti/${id.data}`}>{t('compulsory.report.back')}</Link>
      </p>
      {/* issue 21: the notice prints in Italian and in the family's language, from the templates */}
      <FamilyNoticeView
        key={id.data}
        studentId={id.data}
        renderLetter={(letter, fields) => (
          <FamilyNoticeTexts
            studentId={id.data}
            letter={letter}
            protocol={fields.protocol}
            address={fields.address ?? ''}
            letterDate={fields.letterDate}
          />
        )}
      />
    </>
  );
}
