import { aggregatesHandlers } from './aggregates';
import { arrivalsHandlers } from './arrivals';
import { apiReferenceHandlers } from './api-reference';
import { auditHandlers } from './audit';
import { backtestHandlers } from './backtest';
import { authHandlers } from './auth';
import { casesHandlers } from './cases';
import { classesHandlers } from './classes';
import { compulsoryHandlers } from './compulsory';
import { familyHandlers } from './family';
import { contactsHandlers } from './contacts';
import { lettersHandlers } from './letters';
import { municipalityInboxHandlers } from './municipality-inbox';
import { flagsHandlers } from './flags';
import { importsHandlers } from './imports';
import { openDataHandlers } from './open-data';
import { referralsHandlers } from './referrals';
import { regionsHandlers } from './regions';
import { riskHandlers } from './risk';
import { riskLegendHandlers } from './risk-legend';
import { riskSettingsHandlers } from './risk-settings';
import { schoolsHandlers } from './schools';
import { studentsHandlers } from './students';
import { serviceTokensHandlers } from './service-tokens';
import { usersHandlers } from './users';
import { worklistHandlers } from './worklist';
import { whatWorksHandlers } from './what-works';

// msw matches paths exactly (`/api/classes/:id` does not catch `/api/classes/:id/risk`), so the order is free.
export const handlers = [
  ...authHandlers,
  ...regionsHandlers,
  ...schoolsHandlers,
  ...riskHandlers,
  ...riskLegendHandlers,
  ...riskSettingsHandlers,
  ...riskLegendHandlers,
  ...backtestHandlers,
  ...classesHandlers,
  ...studentsHandlers,
  ...flagsHandlers,
  ...casesHandlers,
  ...arrivalsHandlers,
  ...whatWorksHandlers,
  ...usersHandlers,
  ...serviceTokensHandlers,
  ...auditHandlers,
  ...importsHandlers,
  ...aggregatesHandlers,
  ...compulsoryHandlers,
  ...worklistHandlers,
  ...familyHandlers,
  ...contactsHandlers,
  ...lettersHandlers,
  ...municipalityInboxHandlers,
  ...apiReferenceHandlers,
  ...openDataHandlers,
  ...referralsHandlers,
];
