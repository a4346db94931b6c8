import { describe, expect, test } from 'vitest';
import { loadConfig } from './config';

const env = (vars: Record<string, string> = {}) => ({ PRIMM_DB: ':memory:', ...vars });

describe('loadConfig: demo mode', () => {
  test.each([
    [{}, false], // a production database started without any setting gets no demo accounts
    [{ PRIMM_DEMO: '1' }, true],
    [{ PRIMM_DEMO: 'true' }, true],
    [{ PRIMM_DEMO: '0' }, false],
    [{ PRIMM_DEMO: '' }, false],
  ])('when the environment is %j, then demo is %s', (vars, demo) => {
    expect(loadConfig(env(vars)).demo).toBe(demo);
  });

  test('when PRIMM_DEMO is neither on nor off, then the server refuses to start', () => {
    expect(() => loadConfig(env({ PRIMM_DEMO: 'si' }))).toThrow(/PRIMM_DEMO non valida/);
  });
});

describe('loadConfig: aggregate precomputing', () => {
  test.each([
    [{}, true], // a deployment precomputes unless told not to
    [{ PRIMM_AGGREGATE_PRECOMPUTE: '' }, true],
    [{ PRIMM_AGGREGATE_PRECOMPUTE: '1' }, true],
    [{ PRIMM_AGGREGATE_PRECOMPUTE: '0' }, false],
    [{ PRIMM_AGGREGATE_PRECOMPUTE: 'false' }, false],
  ])('when the environment is %j, then aggregatePrecompute is %s', (vars, on) => {
    expect(loadConfig(env(vars)).aggregatePrecompute).toBe(on);
  });

  test('when PRIMM_AGGREGATE_PRECOMPUTE is neither on nor off, then the server refuses to start', () => {
    expect(() => loadConfig(env({ PRIMM_AGGREGATE_PRECOMPUTE: 'forse' }))).toThrow(
      /PRIMM_AGGREGATE_PRECOMPUTE non valida/,
    );
  });
});

describe('loadConfig: trust proxy', () => {
  test.each([
    [{}, false], // X-Forwarded-For is nobody's to set unless a proxy is named
    [{ PRIMM_TRUST_PROXY: '' }, false],
    [{ PRIMM_TRUST_PROXY: '0' }, false],
    [{ PRIMM_TRUST_PROXY: 'loopback' }, 'loopback'],
    [{ PRIMM_TRUST_PROXY: '10.0.0.5, 10.0.0.6' }, '10.0.0.5, 10.0.0.6'],
    [{ PRIMM_TRUST_PROXY: '1' }, 1], // hops
  ])('when the environment is %j, then trust proxy is %j', (vars, trustProxy) => {
    expect(loadConfig(env(vars)).trustProxy).toEqual(trustProxy);
  });

  test('when PRIMM_TRUST_PROXY=true (trust any sender), then the server refuses to start', () => {
    expect(() => loadConfig(env({ PRIMM_TRUST_PROXY: 'true' }))).toThrow(/PRIMM_TRUST_PROXY/);
  });
});

describe('loadConfig: watched inbox', () => {
  test.each([
    [{}, null],
    [{ PRIMM_INBOX: '' }, null],
    [{ PRIMM_INBOX: '/srv/primm/inbox' }, { root: '/srv/primm/inbox', quietMs: 60_000, everyMs: 10_000 }],
    [
      { PRIMM_INBOX: '/srv/primm/inbox', PRIMM_INBOX_QUIET_S: '300', PRIMM_INBOX_POLL_S: '30' },
      { root: '/srv/primm/inbox', quietMs: 300_000, everyMs: 30_000 },
    ],
  ])('when the environment is %j, then the inbox is %j', (vars, inbox) => {
    expect(loadConfig(env(vars)).inbox).toEqual(inbox);
  });

  test.each([['0'], ['1.5'], ['un minuto']])(
    'when PRIMM_INBOX_QUIET_S is %s, then the server refuses to start',
    (quiet) => {
      expect(() => loadConfig(env({ PRIMM_INBOX: '/srv/in', PRIMM_INBOX_QUIET_S: quiet }))).toThrow(
        /PRIMM_INBOX_QUIET_S non valida/,
      );
    },
  );
});

describe('loadConfig: municipality acknowledgement term', () => {
  test.each([
    [{}, 15], // the law sets no term: our default, three calendar weeks
    [{ PRIMM_COMUNE_ACK_DAYS: '' }, 15],
    [{ PRIMM_COMUNE_ACK_DAYS: '10' }, 10],
  ])('when the environment is %j, then the municipality has %i working days', (vars, days) => {
    expect(loadConfig(env(vars)).municipalityAckWorkingDays).toBe(days);
  });

  test.each(['0', '2.5', 'quindici', '61'])(
    'when PRIMM_COMUNE_ACK_DAYS is %s, then the server refuses to start',
    (value) => {
      expect(() => loadConfig(env({ PRIMM_COMUNE_ACK_DAYS: value }))).toThrow(/PRIMM_COMUNE_ACK_DAYS/);
    },
  );
});
