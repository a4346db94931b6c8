import { z } from 'zod';
import * as aggregates from '@primm/shared/contracts/aggregates';
import * as audit from '@primm/shared/contracts/audit';
import * as auth from '@primm/shared/contracts/auth';
import * as backtest from '@primm/shared/contracts/backtest';
import * as calendar from '@primm/shared/contracts/calendar-feed';
import * as cases from '@primm/shared/contracts/cases';
import * as classes from '@primm/shared/contracts/classes';
import * as compulsory from '@primm/shared/contracts/compulsory';
import * as contacts from '@primm/shared/contracts/contacts';
import * as family from '@primm/shared/contracts/family';
import * as flags from '@primm/shared/contracts/flags';
import * as health from '@primm/shared/contracts/health';
import * as imports from '@primm/shared/contracts/imports';
import * as provinces from '@primm/shared/contracts/provinces';
import * as recompute from '@primm/shared/contracts/recompute-result';
import * as openapi from '@primm/shared/contracts/openapi';
import * as legend from '@primm/shared/contracts/risk-legend';
import * as risk from '@primm/shared/contracts/risk';
import * as schools from '@primm/shared/contracts/schools';
import * as tokens from '@primm/shared/contracts/service-tokens';
import * as students from '@primm/shared/contracts/students';
import * as users from '@primm/shared/contracts/users';
import * as worklist from '@primm/shared/contracts/worklist';
import * as whatWorks from '@primm/shared/contracts/what-works';

/** A contract with its name, `{ UserList }`: the name becomes the component's in the document. */
export type Named = Record<string, z.ZodType>;

/** Who may call a route: `public` (no session), `session` (any signed-in role), or the roles. */
export type Access = 'public' | 'session' | readonly auth.Role[];

/**
 * One route of the API as the OpenAPI document (openapi-document.ts) describes it. `response`
 * names the contract of a JSON answer; `produces` says what else answers (a file); `noContract`
 * says why a JSON answer has none yet. A test (openapi.test.ts) walks the app's router and fails
 * for a route missing here, or listed here and gone from the app.
 */
export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As express writes it, under /api: `/students/:id`. */
  path: string;
  tag: string;
  summary: string;
  access: Access;
  /** The service token may call it too (issue 24): only the import's two steps. */
  serviceToken?: true;
  status?: 200 | 201 | 202 | 204;
  body?: Named;
  /** multipart/form-data upload of files (the import). */
  multipart?: true;
  query?: Named;
  response?: Named;
  produces?: 'text/csv' | 'text/calendar' | 'application/json';
  noContract?: string;
}

const ADMIN = ['admin'] as const;
const IMPORTERS = ['admin', 'referente'] as const;
const CASE_ROLES = ['admin', 'referente', 'mediatore'] as const;
const NAMES = ['admin', 'referente', 'mediatore', 'docente'] as const;
const AGGREGATES = ['analista', 'admin', 'referente'] as const;

const { ImportPreview, ImportResult, ImportProgress, ImportHistory, CommitImportInput } = imports;

/** Every route of the app, grouped by feature (the document's tags). */
export const API_ROUTES: ApiRoute[] = [
  {
    method: 'get',
    path: '/health',
    tag: 'system',
    summary: 'Stato del servizio e del database',
    access: 'public',
    response: { Health: health.Health },
  },
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'system',
    summary: 'Questo documento OpenAPI 3.1',
    access: 'public',
    response: { OpenApiOverview: openapi.OpenApiOverview },
  },

  {
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Accesso con email e password: imposta il cookie di sessione',
    access: 'public',
    body: { LoginInput: auth.LoginInput },
    response: { Me: auth.Me },
  },
  { method: 'post', path: '/auth/logout', tag: 'auth', summary: 'Chiude la sessione', access: 'public', status: 204 },
  {
    method: 'get',
    path: '/me',
    tag: 'auth',
    summary: 'Chi ha aperto la sessione',
    access: 'session',
    response: { Me: auth.Me },
  },
  {
    method: 'post',
    path: '/auth/password',
    tag: 'auth',
    summary: 'Cambia la propria password',
    access: 'session',
    status: 204,
    body: { ChangePasswordInput: auth.ChangePasswordInput },
  },
  {
    method: 'get',
    path: '/auth/demo-accounts',
    tag: 'auth',
    summary: 'Account dimostrativi (solo in modalità demo)',
    access: 'public',
    response: { DemoAccounts: auth.DemoAccounts },
  },

  {
    method: 'get',
    path: '/provinces',
    tag: 'schools',
    summary: 'Province con i loro conteggi',
    access: 'session',
    response: { ProvinceList: provinces.ProvinceList },
  },
  {
    method: 'get',
    path: '/schools',
    tag: 'schools',
    summary: 'Scuole visibili',
    access: 'session',
    query: { SchoolListQuery: schools.SchoolListQuery },
    response: { SchoolList: schools.SchoolList },
  },
  {
    method: 'get',
    path: '/schools/:code',
    tag: 'schools',
    summary: 'Una scuola, le sue classi e la freschezza dei dati',
    access: 'session',
    response: { SchoolDetail: schools.SchoolDetail },
  },
  {
    method: 'put',
    path: '/schools/:code/capacity',
    tag: 'risk',
    summary: 'Capacità di presa in carico della scuola',
    access: ADMIN,
    body: { SchoolCapacityInput: backtest.SchoolCapacityInput },
    response: { SchoolCapacity: backtest.SchoolCapacity },
  },
  {
    method: 'get',
    path: '/classes/:id',
    tag: 'classes',
    summary: 'Una classe',
    access: NAMES,
    response: { ClassDetail: classes.ClassDetail },
  },
  {
    method: 'get',
    path: '/classes/:id/students',
    tag: 'classes',
    summary: 'Studenti della classe',
    access: NAMES,
    response: { ClassStudentList: classes.ClassStudentList },
  },
  {
    method: 'get',
    path: '/students/:id',
    tag: 'students',
    summary: 'Uno studente',
    access: NAMES,
    response: { StudentDetail: students.StudentDetail },
  },
  {
    method: 'get',
    path: '/students/:id/export',
    tag: 'students',
    summary: 'Tutti i dati di uno studente (GDPR art. 15)',
    access: ADMIN,
    produces: 'application/json',
    noContract: "un estratto delle tabelle così come sono, non un contratto dell'API",
  },

  {
    method: 'get',
    path: '/users',
    tag: 'users',
    summary: 'Account visibili',
    access: IMPORTERS,
    response: { UserList: users.UserList },
  },
  {
    method: 'post',
    path: '/users',
    tag: 'users',
    summary: 'Crea un account con password monouso',
    access: IMPORTERS,
    status: 201,
    body: { CreateUserInput: users.CreateUserInput },
    response: { CreatedUser: users.CreatedUser },
  },
  {
    method: 'patch',
    path: '/users/:id',
    tag: 'users',
    summary: 'Modifica nome, ruolo e ambito di un account',
    access: IMPORTERS,
    body: { UpdateUserInput: users.UpdateUserInput },
    response: { User: users.User },
  },
  {
    method: 'post',
    path: '/users/:id/deactivate',
    tag: 'users',
    summary: 'Disattiva un account',
    access: IMPORTERS,
    response: { User: users.User },
  },
  {
    method: 'post',
    path: '/users/:id/reactivate',
    tag: 'users',
    summary: 'Riattiva un account',
    access: IMPORTERS,
    response: { User: users.User },
  },
  {
    method: 'post',
    path: '/users/:id/one-time-password',
    tag: 'users',
    summary: 'Nuova password monouso',
    access: IMPORTERS,
    response: { CreatedUser: users.CreatedUser },
  },
  {
    method: 'post',
    path: '/users/bulk/preview',
    tag: 'users',
    summary: 'Anteprima di account da CSV',
    access: IMPORTERS,
    body: { BulkUsersInput: users.BulkUsersInput },
    response: { BulkUsersPreview: users.BulkUsersPreview },
  },
  {
    method: 'post',
    path: '/users/bulk',
    tag: 'users',
    summary: 'Crea gli account del CSV',
    access: IMPORTERS,
    status: 201,
    body: { BulkUsersInput: users.BulkUsersInput },
    response: { BulkUsersResult: users.BulkUsersResult },
  },

  {
    method: 'get',
    path: '/service-tokens',
    tag: 'service-tokens',
    summary: 'Token di servizio',
    access: ADMIN,
    response: { ServiceTokenList: tokens.ServiceTokenList },
  },
  {
    method: 'post',
    path: '/service-tokens',
    tag: 'service-tokens',
    summary: 'Crea un token di servizio (mostrato una sola volta)',
    access: ADMIN,
    status: 201,
    body: { CreateServiceTokenInput: tokens.CreateServiceTokenInput },
    response: { CreatedServiceToken: tokens.CreatedServiceToken },
  },
  {
    method: 'post',
    path: '/service-tokens/:id/revoke',
    tag: 'service-tokens',
    summary: 'Revoca un token di servizio',
    access: ADMIN,
    response: { ServiceToken: tokens.ServiceToken },
  },

  {
    method: 'post',
    path: '/imports',
    tag: 'imports',
    summary: "Carica i file di una o più scuole e ne restituisce l'anteprima (nulla è scritto)",
    access: IMPORTERS,
    serviceToken: true,
    status: 201,
    multipart: true,
    response: { ImportPreview },
  },
  {
    method: 'post',
    path: '/imports/:uploadId/commit',
    tag: 'imports',
    summary: 'Importa un caricamento già visto in anteprima',
    access: IMPORTERS,
    serviceToken: true,
    body: { CommitImportInput },
    response: { ImportResult },
  },
  {
    method: 'get',
    path: '/imports/:uploadId/progress',
    tag: 'imports',
    summary: "Avanzamento di un'importazione",
    access: IMPORTERS,
    response: { ImportProgress },
  },
  {
    method: 'get',
    path: '/imports',
    tag: 'imports',
    summary: 'Storico delle importazioni',
    access: IMPORTERS,
    response: { ImportHistory },
  },
  {
    method: 'get',
    path: '/imports/templates/:file',
    tag: 'imports',
    summary: 'Modello CSV vuoto di un file della scuola',
    access: IMPORTERS,
    produces: 'text/csv',
  },

  {
    method: 'get',
    path: '/audit',
    tag: 'audit',
    summary: 'Registro degli accessi',
    access: ADMIN,
    query: { AuditQuery: audit.AuditQuery },
    response: { AuditPage: audit.AuditPage },
  },

  {
    method: 'get',
    path: '/aggregates',
    tag: 'aggregates',
    summary: 'Conteggi e tassi aggregati (celle sotto soglia soppresse)',
    access: AGGREGATES,
    query: { AggregateQuery: aggregates.AggregateQuery },
    response: { AggregateResult: aggregates.AggregateResult },
  },
  {
    method: 'get',
    path: '/aggregates/years',
    tag: 'aggregates',
    summary: 'Anni scolastici con dati (per il filtro)',
    access: AGGREGATES,
    response: { AggregateYears: aggregates.AggregateYears },
  },
  {
    method: 'get',
    path: '/aggregates/trend',
    tag: 'aggregates',
    summary: 'Andamento mensile aggregato',
    access: AGGREGATES,
    query: { TrendQuery: aggregates.TrendQuery },
    response: { AggregateTrend: aggregates.AggregateTrend },
  },
  {
    method: 'get',
    path: '/fairness',
    tag: 'aggregates',
    summary: 'Errori del modello per gruppo',
    access: ['analista', 'admin'],
    query: { FairnessQuery: aggregates.FairnessQuery },
    response: { FairnessReport: aggregates.FairnessReport },
  },

  {
    method: 'get',
    path: '/students/:studentId/flags',
    tag: 'flags',
    summary: 'Segnalazioni di uno studente',
    access: NAMES,
    response: { FlagList: flags.FlagList },
  },
  {
    method: 'post',
    path: '/students/:studentId/flags',
    tag: 'flags',
    summary: 'Segnala uno studente',
    access: NAMES,
    status: 201,
    body: { CreateFlagInput: flags.CreateFlagInput },
    response: { Flag: flags.Flag },
  },
  {
    method: 'get',
    path: '/students/:studentId/notes',
    tag: 'flags',
    summary: 'Note su uno studente',
    access: NAMES,
    response: { NoteList: flags.NoteList },
  },
  {
    method: 'post',
    path: '/students/:studentId/notes',
    tag: 'flags',
    summary: 'Aggiunge una nota',
    access: NAMES,
    status: 201,
    body: { CreateNoteInput: flags.CreateNoteInput },
    response: { Note: flags.Note },
  },

  {
    method: 'get',
    path: '/students/:studentId/cases',
    tag: 'cases',
    summary: 'Casi di uno studente',
    access: NAMES,
    response: { CaseList: cases.CaseList },
  },
  {
    method: 'post',
    path: '/cases',
    tag: 'cases',
    summary: 'Apre un caso',
    access: CASE_ROLES,
    status: 201,
    body: { CreateCaseInput: cases.CreateCaseInput },
    response: { CaseDetail: cases.CaseDetail },
  },
  {
    method: 'get',
    path: '/cases/:id',
    tag: 'cases',
    summary: 'Un caso con le sue azioni',
    access: NAMES,
    response: { CaseDetail: cases.CaseDetail },
  },
  {
    method: 'patch',
    path: '/cases/:id',
    tag: 'cases',
    summary: 'Modifica un caso',
    access: CASE_ROLES,
    body: { UpdateCaseInput: cases.UpdateCaseInput },
    response: { CaseDetail: cases.CaseDetail },
  },
  {
    method: 'post',
    path: '/cases/:id/close',
    tag: 'cases',
    summary: 'Chiude un caso con il suo esito',
    access: CASE_ROLES,
    body: { CloseCaseInput: cases.CloseCaseInput },
    response: { CaseDetail: cases.CaseDetail },
  },
  {
    method: 'post',
    path: '/cases/:id/actions',
    tag: 'cases',
    summary: "Registra un'azione",
    access: CASE_ROLES,
    status: 201,
    body: { CreateCaseActionInput: cases.CreateCaseActionInput },
    response: { CaseAction: cases.CaseAction },
  },
  {
    method: 'patch',
    path: '/cases/:id/actions/:actionId',
    tag: 'cases',
    summary: "Modifica un'azione",
    access: CASE_ROLES,
    body: { UpdateCaseActionInput: cases.UpdateCaseActionInput },
    response: { CaseAction: cases.CaseAction },
  },
  {
    method: 'get',
    path: '/caseload',
    tag: 'cases',
    summary: 'Casi e scadenze di chi li segue',
    access: CASE_ROLES,
    response: { Caseload: cases.Caseload },
  },
  {
    method: 'get',
    path: '/case-archive',
    tag: 'cases',
    summary: 'Archivio dei casi chiusi',
    access: CASE_ROLES,
    query: { CaseArchiveQuery: cases.CaseArchiveQuery },
    response: { CaseArchive: cases.CaseArchive },
  },
  {
    method: 'get',
    path: '/cases/:id/effect',
    tag: 'cases',
    summary: 'Presenze e voti prima e dopo la prima azione',
    access: NAMES,
    query: { CaseEffectQuery: z.object({ weeks: z.coerce.number().int().min(1).max(12).default(4) }) },
    response: { CaseEffect: cases.CaseEffect },
  },
  {
    method: 'get',
    path: '/what-works',
    tag: 'cases',
    summary:
      'Cosa funziona: effetto delle azioni rispetto a studenti simili, esiti, tempi e valutazioni dei partecipanti (solo conteggi)',
    access: ['mediatore', 'referente', 'analista', 'admin'],
    query: { WhatWorksQuery: whatWorks.WhatWorksQuery },
    response: { WhatWorks: whatWorks.WhatWorks },
  },
  {
    method: 'get',
    path: '/worklist',
    tag: 'cases',
    summary: 'Studenti da seguire',
    access: CASE_ROLES,
    query: { WorklistQuery: worklist.WorklistQuery },
    response: { Worklist: worklist.Worklist },
  },
  {
    method: 'get',
    path: '/calendar-feed',
    tag: 'cases',
    summary: "Stato dell'indirizzo del calendario delle verifiche",
    access: CASE_ROLES,
    response: { CalendarFeedStatus: calendar.CalendarFeedStatus },
  },
  {
    method: 'post',
    path: '/calendar-feed',
    tag: 'cases',
    summary: 'Nuovo indirizzo segreto del calendario',
    access: CASE_ROLES,
    status: 201,
    response: { CalendarFeedCreated: calendar.CalendarFeedCreated },
  },
  {
    method: 'delete',
    path: '/calendar-feed',
    tag: 'cases',
    summary: "Disattiva l'indirizzo del calendario",
    access: CASE_ROLES,
    status: 204,
  },
  {
    method: 'get',
    path: '/calendar/:file',
    tag: 'cases',
    summary: 'Il calendario (iCalendar) a un indirizzo segreto',
    access: 'public',
    produces: 'text/calendar',
  },
  {
    method: 'get',
    path: '/students/:studentId/family',
    tag: 'cases',
    summary: 'Lingua della famiglia',
    access: NAMES,
    response: { StudentFamily: family.StudentFamily },
  },
  {
    method: 'put',
    path: '/students/:studentId/family',
    tag: 'cases',
    summary: 'Modifica la lingua della famiglia',
    access: CASE_ROLES,
    body: { UpdateStudentFamilyInput: family.UpdateStudentFamilyInput },
    response: { StudentFamily: family.StudentFamily },
  },

  {
    method: 'get',
    path: '/students/:id/compulsory',
    tag: 'compulsory',
    summary: 'Obbligo scolastico e contatore delle assenze (art. 114)',
    access: NAMES,
    response: { StudentCompulsory: compulsory.StudentCompulsory },
  },
  {
    method: 'post',
    path: '/students/:id/compulsory/notice',
    tag: 'compulsory',
    summary: "Registra l'avviso alla famiglia",
    access: CASE_ROLES,
    status: 201,
    body: { RecordNoticeInput: compulsory.RecordNoticeInput },
    response: { AbsenceClock: compulsory.AbsenceClock },
  },
  {
    method: 'post',
    path: '/students/:id/compulsory/report',
    tag: 'compulsory',
    summary: 'Registra la segnalazione al sindaco',
    access: CASE_ROLES,
    body: { RecordReportInput: compulsory.RecordReportInput },
    response: { AbsenceClock: compulsory.AbsenceClock },
  },
  {
    method: 'get',
    path: '/students/:id/compulsory/report',
    tag: 'compulsory',
    summary: 'Testo della segnalazione al sindaco',
    access: CASE_ROLES,
    response: { MayorReport: compulsory.MayorReport },
  },
  {
    method: 'get',
    path: '/students/:id/compulsory/notice-letter',
    tag: 'compulsory',
    summary: 'Lettera di avviso alla famiglia',
    access: CASE_ROLES,
    response: { FamilyNoticeLetter: compulsory.FamilyNoticeLetter },
  },
  {
    method: 'get',
    path: '/schools/:code/deadlines',
    tag: 'compulsory',
    summary: 'Scadenze di legge della scuola',
    access: CASE_ROLES,
    response: { Deadlines: compulsory.Deadlines },
  },
  {
    method: 'get',
    path: '/schools/:code/october-list',
    tag: 'compulsory',
    summary: 'Elenco di ottobre degli obbligati per comune (JSON o CSV)',
    access: IMPORTERS,
    query: { OctoberListQuery: compulsory.OctoberListQuery },
    response: { OctoberList: compulsory.OctoberList },
  },
  {
    method: 'get',
    path: '/municipality-contacts',
    tag: 'compulsory',
    summary: 'Recapiti dei comuni',
    access: ADMIN,
    response: { MunicipalityContactList: contacts.MunicipalityContactList },
  },
  {
    method: 'put',
    path: '/municipality-contacts/:istat',
    tag: 'compulsory',
    summary: 'Modifica i recapiti di un comune',
    access: ADMIN,
    body: { UpdateMunicipalityContactInput: contacts.UpdateMunicipalityContactInput },
    response: { MunicipalityContact: contacts.MunicipalityContact },
  },

  {
    method: 'get',
    path: '/classes/:id/risk',
    tag: 'risk',
    summary: 'Livelli di rischio della classe',
    access: NAMES,
    query: { RiskListQuery: risk.RiskListQuery },
    response: { ClassRiskList: risk.ClassRiskList },
  },
  {
    method: 'get',
    path: '/classes/:id/risk/changes',
    tag: 'risk',
    summary: 'Cambi di livello recenti nella classe',
    access: NAMES,
    query: { RiskChangesQuery: z.object({ days: z.coerce.number().int().min(1).max(60).default(7) }) },
    response: { ClassRiskChanges: risk.ClassRiskChanges },
  },
  {
    method: 'get',
    path: '/schools/:code/risk',
    tag: 'risk',
    summary: 'Livelli di rischio della scuola',
    access: CASE_ROLES,
    query: { RiskListQuery: risk.RiskListQuery },
    response: { SchoolRiskList: risk.SchoolRiskList },
  },
  {
    method: 'get',
    path: '/students/:id/risk',
    tag: 'risk',
    summary: 'Rischio di uno studente con gli indicatori che lo spiegano',
    access: NAMES,
    response: { StudentRisk: risk.StudentRisk },
  },
  {
    method: 'post',
    path: '/students/:id/risk/review',
    tag: 'risk',
    summary: 'Conferma, archivia o corregge il livello',
    access: NAMES,
    status: 201,
    body: { RiskReviewInput: risk.RiskReviewInput },
    response: { RiskReviewResult: risk.RiskReviewResult },
  },
  {
    method: 'get',
    path: '/settings/risk',
    tag: 'risk',
    summary: 'Soglie degli indicatori in vigore',
    access: ADMIN,
    response: { RiskSettingsVersion: risk.RiskSettingsVersion },
  },
  {
    method: 'put',
    path: '/settings/risk',
    tag: 'risk',
    summary: 'Nuova versione delle soglie',
    access: ADMIN,
    body: { RiskSettingsInput: risk.RiskSettingsInput },
    response: { RiskSettingsSaved: risk.RiskSettingsSaved },
  },
  {
    method: 'post',
    path: '/risk/recompute',
    tag: 'risk',
    summary: 'Ricalcola il rischio di tutta la regione',
    access: ADMIN,
    response: { RecomputeResult: recompute.RecomputeResult },
  },
  {
    method: 'get',
    path: '/risk/legend',
    tag: 'risk',
    summary: 'Significato dei livelli misurato sulle coorti passate',
    access: 'session',
    response: { RiskLegend: legend.RiskLegend },
  },
  {
    method: 'post',
    path: '/risk/levels/preview',
    tag: 'risk',
    summary: 'Anteprima di nuove soglie dei livelli',
    access: ADMIN,
    body: { LevelChoice: backtest.LevelChoice },
    response: { LevelPreview: backtest.LevelPreview },
  },
  {
    method: 'put',
    path: '/risk/levels',
    tag: 'risk',
    summary: 'Salva le soglie dei livelli',
    access: ADMIN,
    body: { LevelChoice: backtest.LevelChoice },
    response: { RiskSettingsSaved: risk.RiskSettingsSaved },
  },
  {
    method: 'get',
    path: '/backtest',
    tag: 'risk',
    summary: "Anni disponibili per il backtest e l'ultimo eseguito",
    access: ADMIN,
    response: { BacktestYears: backtest.BacktestYears },
  },
  {
    method: 'post',
    path: '/backtest/runs',
    tag: 'risk',
    summary: 'Avvia un backtest su una coorte passata',
    access: ADMIN,
    status: 202,
    body: { BacktestRunInput: backtest.BacktestRunInput },
    response: { BacktestRun: backtest.BacktestRun },
  },
  {
    method: 'get',
    path: '/backtest/runs/:id',
    tag: 'risk',
    summary: 'Un backtest e il suo avanzamento',
    access: ADMIN,
    response: { BacktestRun: backtest.BacktestRun },
  },
  {
    method: 'post',
    path: '/backtest/runs/:id/save',
    tag: 'risk',
    summary: 'Salva il backtest come legenda dei livelli',
    access: ADMIN,
    response: { BacktestRun: backtest.BacktestRun },
  },
];
