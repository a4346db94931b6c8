import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-init';
import * as m0002 from './0002-login-throttle';
import * as m0003 from './0003-year-summary';
import * as m0004 from './0004-risk';
import * as m0005 from './0005-compulsory';
import * as m0006 from './0006-risk-changes';
import * as m0007 from './0007-risk-columns';
import * as m0009 from './0009-data-version';
import * as m0010 from './0010-risk-school-state';
import * as m0011 from './0011-recompute-request';
import * as m0012 from './0012-grade-digest';
import * as m0013 from './0013-risk-derived-at-read';
import * as m0014 from './0014-one-time-password-issued-at';
import * as m0015 from './0015-mediator-calendar-feed';
import * as m0016 from './0016-mediator-family-language';
import * as m0017 from './0017-import-batch-school';
import * as m0018 from './0018-municipality-contact';
import * as m0019 from './0019-risk-backtest';
import * as m0020 from './0020-risk-default-thresholds';
import * as m0021 from './0021-school-paritaria';
import * as m0022 from './0022-service-token';
import * as m0023 from './0023-network-roles';
import * as m0024 from './0024-letter-templates';
import * as m0025 from './0025-participant-view';
import * as m0026 from './0026-aggregate-period-snapshot';
import * as m0027 from './0027-open-data-release';
import * as m0028 from './0028-import-inbox-folder';
import * as m0029 from './0029-pua-referral';
import * as m0030 from './0030-municipality-inbox';
import * as m0031 from './0031-reorientation-arrival';
import * as m0033 from './0033-attendance-natural-key';
import * as m0034 from './0034-bulk-reference-checks';
import * as m0035 from './0035-risk-result-counted-by-writer';
import * as m0036 from './0036-grade-version-of-deleted-class';

/** Static list: migrations are bundled with the code, never discovered on disk at run time. */
const migrations: Record<string, Migration> = {
  '0001-init': m0001,
  '0002-login-throttle': m0002,
  '0003-year-summary': m0003,
  '0004-risk': m0004,
  '0005-compulsory': m0005,
  '0006-risk-changes': m0006,
  '0007-risk-columns': m0007,
  '0009-data-version': m0009,
  '0010-risk-school-state': m0010,
  '0011-recompute-request': m0011,
  '0012-grade-digest': m0012,
  '0013-risk-derived-at-read': m0013,
  '0014-one-time-password-issued-at': m0014,
  '0015-mediator-calendar-feed': m0015,
  '0016-mediator-family-language': m0016,
  '0017-import-batch-school': m0017,
  '0018-municipality-contact': m0018,
  '0019-risk-backtest': m0019,
  '0020-risk-default-thresholds': m0020,
  '0021-school-paritaria': m0021,
  '0022-service-token': m0022,
  '0023-network-roles': m0023,
  '0024-letter-templates': m0024,
  '0025-participant-view': m0025,
  '0026-aggregate-period-snapshot': m0026,
  '0027-open-data-release': m0027,
  '0028-import-inbox-folder': m0028,
  '0029-pua-referral': m0029,
  '0030-municipality-inbox': m0030,
  '0031-reorientation-arrival': m0031,
  '0033-attendance-natural-key': m0033,
  '0034-bulk-reference-checks': m0034,
  '0035-risk-result-counted-by-writer': m0035,
  '0036-grade-version-of-deleted-class': m0036,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
