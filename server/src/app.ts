import './http/zod-italian';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { createAggregateService, type AggregateService } from './aggregates/aggregate-service';
import { aggregateRoutes } from './aggregates/routes';
import { auditRoutes } from './audit/routes';
import { backtestRoutes } from './backtest/routes';
import { authRoutes } from './auth/routes';
import { calendarFeedRoutes } from './cases/calendar-feed-routes';
import { caseloadRoutes } from './cases/caseload-routes';
import { familyRoutes } from './cases/family-routes';
import { arrivalRoutes } from './arrivals/routes';
import { caseRoutes } from './cases/routes';
import { municipalityRoutes } from './users/municipality-routes';
import { referralRoutes } from './referrals/routes';
import { whatWorksRoutes } from './what-works/routes';
import { worklistRoutes } from './cases/worklist-routes';
import { classRoutes } from './classes/routes';
import { compulsoryRoutes } from './compulsory/routes';
import { contactRoutes } from './contacts/routes';
import { letterRoutes } from './letters/routes';
import { municipalityInboxRoutes } from './municipality-inbox/routes';
import { schoolDeliveryRoutes } from './municipality-inbox/school-routes';
import { DEFAULT_ACK_WORKING_DAYS, type Config } from './config';
import type { Db } from './db/open-database';
import { healthRoutes } from './health/routes';
import { importRoutes } from './imports/routes';
import { importTemplateRoutes } from './imports/template-routes';
import { createAnonymousDenialAudit } from './http/audit';
import { authenticate, requirePasswordChanged } from './http/authenticate';
import { checkOrigin } from './http/check-origin';
import { authenticateServiceToken } from './http/service-token';
import { apiNotFound, createErrorHandler } from './http/error-handler';
import { requestContext, securityHeaders } from './http/security-headers';
import { flagRoutes } from './flags/routes';
import { openApiRoutes } from './openapi/routes';
import { openDataAdminRoutes } from './open-data/admin-routes';
import { openDataPublicRoutes } from './open-data/public-routes';
import { provinceRoutes } from './provinces/routes';
import { recomputeRoutes } from './recompute/routes';
import { riskRoutes } from './risk/routes';
import { riskSettingsRoutes } from './risk-settings/routes';
import { schoolRoutes } from './schools/routes';
import { serviceTokenRoutes } from './service-tokens/routes';
import { studentRoutes } from './students/routes';
import { userRoutes } from './users/routes';

export interface AppDeps {
  db: Db;
  /**
   * The session check and the health probe use this connection, so that they answer while an
   * import's transaction holds `db` (`openSessionConnection`); `db` when not given.
   */
  sessionDb?: Db;
  /** `dbPath` and `databaseUrl`: the database `db` opens, for what reads it on a connection of its own (import previews). */
  config: Pick<Config, 'webDist' | 'version' | 'demo' | 'uploadDir' | 'pseudonymKey' | 'minCell' | 'aggregateNoise'> &
    Partial<Pick<Config, 'trustProxy' | 'dbPath' | 'databaseUrl' | 'municipalityAckWorkingDays' | 'puaAnswerDays'>>;
  /** The clock, injectable so tests can age a session without waiting. */
  now?: () => Date;
  /** The aggregates' caches, snapshots and warming (main.ts keeps it to warm at start); one of its own when not given. */
  aggregates?: AggregateService;
}

/** Builds the HTTP app; never listens (main.ts does), so tests run it in-process. */
export function createApp({ db, sessionDb = db, config, now = () => new Date(), aggregates }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Whose X-Forwarded-For becomes req.ip (throttling, audit) and whose X-Forwarded-Proto makes the
  // cookie Secure: only the proxy the deployment names (PRIMM_TRUST_PROXY), none by default.
  app.set('trust proxy', config.trustProxy ?? false);
  app.use(requestContext, securityHeaders);

  const auditAnonymousDenial = createAnonymousDenialAudit(now);
  const aggregateService = aggregates ?? createAggregateService(db, { ...config, now });
  const api = express.Router();
  // After a write that succeeded (an import, a recompute, a case…), the aggregates are computed
  // again in the background, so the next reader does not wait (issue 22.5).
  api.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      res.on('finish', () => {
        if (res.statusCode < 400) aggregateService.poke();
      });
    next();
  });
  api.use(
    express.json({ limit: '1mb' }),
    authenticateServiceToken({ db, sessionDb, now, auditAnonymousDenial }),
    authenticate(sessionDb, now),
    checkOrigin,
    requirePasswordChanged,
  );
  api.use(healthRoutes(sessionDb, config));
  api.use(openApiRoutes(config.version));
  api.use(authRoutes(db, { now, demo: config.demo, auditAnonymousDenial }));
  api.use(provinceRoutes(db));
  api.use(schoolRoutes(db));
  api.use(classRoutes(db));
  api.use(studentRoutes(db, now));
  api.use(userRoutes(db, now));
  api.use(municipalityRoutes(db));
  api.use(serviceTokenRoutes(db, now));
  api.use(importRoutes(db, config));
  api.use(importTemplateRoutes());
  api.use(auditRoutes(db, config));
  api.use(aggregateRoutes(db, aggregateService));
  api.use(flagRoutes(db, now));
  api.use(caseRoutes(db, now));
  api.use(referralRoutes(db, now, config));
  api.use(whatWorksRoutes(db, aggregateService));
  api.use(caseloadRoutes(db, now));
  api.use(arrivalRoutes(db, now));
  api.use(worklistRoutes(db, now));
  api.use(calendarFeedRoutes(db, now));
  api.use(familyRoutes(db, now));
  api.use(compulsoryRoutes(db, now));
  api.use(contactRoutes(db, now));
  api.use(letterRoutes(db, now));
  const ackDays = config.municipalityAckWorkingDays ?? DEFAULT_ACK_WORKING_DAYS;
  api.use(municipalityInboxRoutes(db, now, ackDays));
  api.use(schoolDeliveryRoutes(db, now, ackDays));
  api.use(riskRoutes(db));
  api.use(riskSettingsRoutes(db));
  api.use(backtestRoutes(db, config));
  api.use(recomputeRoutes(db));
  api.use(openDataPublicRoutes(db));
  api.use(openDataAdminRoutes(db, config, now));
  api.use(apiNotFound);
  app.use('/api', api);

  serveWebApp(app, config.webDist);
  app.use(createErrorHandler(db, auditAnonymousDenial));
  return app;
}

/** The built web app and its client-side routes (every non-API GET falls back to index.html). */
function serveWebApp(app: Express, webDist: string): void {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return;
  app.use(express.static(webDist, { index: false, maxAge: '1h' }));
  app.get(/^(?!\/api\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
