import type { MunicipalityContact, UpdateMunicipalityContactInput } from '@primm/shared/contracts/contacts';
import type { ProvinceCode } from '@primm/shared/contracts/domain';
import type { Db } from '../db/open-database';

/** Every municipality of the region, with its contacts where the admin recorded them; by name. */
export async function listMunicipalityContacts(db: Db, istatCode?: string): Promise<MunicipalityContact[]> {
  let q = db
    .selectFrom('municipality')
    .leftJoin('municipality_contact', 'municipality_contact.istat_code', 'municipality.istat_code')
    .select([
      'municipality.istat_code',
      'municipality.name',
      'municipality.province_code',
      'municipality_contact.pec',
      'municipality_contact.office',
      'municipality_contact.updated_at',
    ])
    .orderBy('municipality.name');
  if (istatCode !== undefined) q = q.where('municipality.istat_code', '=', istatCode);
  const rows = await q.execute();
  return rows.map((r) => ({
    istatCode: r.istat_code,
    name: r.name,
    province: r.province_code as ProvinceCode,
    pec: r.pec ?? null,
    office: r.office ?? null,
    updatedAt: r.updated_at ?? null,
  }));
}

/** Insert-or-update of one municipality's contacts. */
export async function saveMunicipalityContact(
  db: Db,
  istatCode: string,
  input: UpdateMunicipalityContactInput,
  by: { userId: number; now: string },
): Promise<void> {
  const values = { pec: input.pec, office: input.office, updated_at: by.now, updated_by: by.userId };
  const found = await db
    .selectFrom('municipality_contact')
    .select('istat_code')
    .where('istat_code', '=', istatCode)
    .executeTakeFirst();
  if (found) await db.updateTable('municipality_contact').set(values).where('istat_code', '=', istatCode).execute();
  else
    await db
      .insertInto('municipality_contact')
      .values({ istat_code: istatCode, ...values })
      .execute();
}
