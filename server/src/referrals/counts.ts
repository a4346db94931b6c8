import { suppressCounts, type CountRecord, type Relation } from '@primm/shared/aggregates/suppress';
import {
  ANSWER_TIME_BANDS,
  ReferralReason,
  type ReferralCounts,
  type ReferralCountsRow,
} from '@primm/shared/contracts/referrals';
import type { Db } from '../db/open-database';
import { answerTimeBand } from './timing';

const REASONS = ReferralReason.options;
const MEASURES = ['referrals', ...REASONS.map((r) => `reason:${r}`), ...ANSWER_TIME_BANDS.map((b) => `band:${b}`)];

/**
 * The analyst's view of referrals (issue 21 item 5): counts per province of residence, by reason
 * and by working days to a first answer, under the aggregates' small-cell and complementary
 * suppression (docs/privacy.md "Aggregati"). Never a name, an id or a date.
 *
 * Relations the reader knows: each measure of the provinces sums to the region's, and each
 * province's answer-time bands sum to its referrals. Reasons are not a partition (a referral may
 * give several), so they only sum across provinces.
 */
export async function countReferrals(db: Db, threshold: number): Promise<ReferralCounts> {
  const [provinces, rows] = await Promise.all([
    db.selectFrom('province').select('code').orderBy('code').execute(),
    db
      .selectFrom('pua_referral as r')
      .innerJoin('municipality as m', 'm.istat_code', 'r.municipality_istat')
      .select(['m.province_code', 'r.reasons', 'r.sent_at', 'r.first_answer_at'])
      .execute(),
  ]);
  const empty = () => Object.fromEntries(MEASURES.map((m) => [m, 0])) as Record<string, number>;
  const byProvince = new Map(provinces.map((p) => [p.code, empty()]));
  const total = empty();
  for (const r of rows) {
    const counts = byProvince.get(r.province_code) ?? empty();
    byProvince.set(r.province_code, counts);
    const band = answerTimeBand(r.sent_at.slice(0, 10), r.first_answer_at?.slice(0, 10) ?? null);
    const measures = ['referrals', `band:${band}`, ...(JSON.parse(r.reasons) as string[]).map((x) => `reason:${x}`)];
    for (const m of measures) {
      counts[m] = (counts[m] ?? 0) + 1;
      total[m] = (total[m] ?? 0) + 1;
    }
  }
  const records: CountRecord[] = [
    { id: 'total', values: total },
    ...[...byProvince.entries()].map(([code, values]) => ({ id: `prov:${code}`, values })),
  ];
  const provinceIds = records.slice(1).map((r) => r.id);
  const relations: Relation[] = [
    ...MEASURES.map((m): Relation => ({ members: provinceIds.map((id) => [id, m]), target: ['total', m] })),
    ...records.map((r): Relation => ({
      members: ANSWER_TIME_BANDS.map((b) => [r.id, `band:${b}`]),
      target: [r.id, 'referrals'],
    })),
  ];
  const { shown } = suppressCounts(records, relations, { threshold, populationMeasure: 'referrals' });
  const rowOf = (id: string, province: string | null): ReferralCountsRow => {
    const cells = shown[id]!;
    return {
      province,
      referrals: cells.referrals!,
      reasons: Object.fromEntries(REASONS.map((r) => [r, cells[`reason:${r}`]!])) as ReferralCountsRow['reasons'],
      answerTime: Object.fromEntries(
        ANSWER_TIME_BANDS.map((b) => [b, cells[`band:${b}`]!]),
      ) as ReferralCountsRow['answerTime'],
    };
  };
  return {
    rows: provinceIds.map((id) => rowOf(id, id.slice('prov:'.length))),
    total: rowOf('total', null),
    threshold,
  };
}
