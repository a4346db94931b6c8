import { z } from 'zod';
import { MayorReport, OctoberListRow } from './compulsory';
import { IsoDate } from './domain';

/**
 * The municipality's inbox (issue 21): the acts of art. 114 D.Lgs 297/1994 a school sends the
 * municipality of residence — the report to the mayor and the October list — and the office's
 * acknowledgement (date received, protocol number) and measures taken.
 */
export const InboxItemKind = z.enum(['mayor_report', 'october_list']);
export type InboxItemKind = z.infer<typeof InboxItemKind>;

/**
 * Where a sent item stands: `acknowledged` once the office recorded receipt; `no_account` when no
 * active `comune` account serves the municipality (the printed letter by PEC stays the route);
 * `overdue` past the working days allowed; `delivered` before that.
 */
export const DeliveryStatus = z.enum(['delivered', 'overdue', 'acknowledged', 'no_account']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const Acknowledgement = z.object({
  receivedOn: IsoDate,
  protocolNumber: z.string(),
  acknowledgedAt: z.string(),
});
export type Acknowledgement = z.infer<typeof Acknowledgement>;

export const InboxMeasure = z.object({
  id: z.number().int(),
  takenOn: IsoDate,
  description: z.string(),
  recordedAt: z.string(),
});
export type InboxMeasure = z.infer<typeof InboxMeasure>;

const InboxMunicipality = z.object({ istatCode: z.string(), name: z.string() });

/** One row of the municipality's inbox: a report names its student, a list says how many it holds. */
export const InboxItemSummary = z.object({
  id: z.number().int(),
  kind: InboxItemKind,
  municipality: InboxMunicipality,
  school: z.object({ code: z.string(), name: z.string() }),
  schoolYear: z.string(),
  student: z.object({ lastName: z.string(), firstName: z.string() }).nullable(),
  students: z.number().int(),
  deliveredAt: z.string(),
  /** The last working day to acknowledge before the item is overdue. */
  dueBy: IsoDate,
  status: DeliveryStatus,
  acknowledgement: Acknowledgement.nullable(),
  measureCount: z.number().int(),
});
export type InboxItemSummary = z.infer<typeof InboxItemSummary>;

export const MunicipalityInbox = z.object({
  ackWorkingDays: z.number().int(),
  items: z.array(InboxItemSummary),
});
export type MunicipalityInbox = z.infer<typeof MunicipalityInbox>;

/** An item as the office opens it: what the printed report or list carries, nothing more. */
export const InboxItem = InboxItemSummary.extend({
  report: MayorReport.nullable(),
  list: z.object({ rows: z.array(OctoberListRow) }).nullable(),
  measures: z.array(InboxMeasure),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const AcknowledgeInput = z.object({
  receivedOn: IsoDate,
  protocolNumber: z.string().trim().min(1, 'numero di protocollo obbligatorio').max(50),
});
export type AcknowledgeInput = z.infer<typeof AcknowledgeInput>;

export const RecordMeasureInput = z.object({
  takenOn: IsoDate,
  description: z.string().trim().min(3).max(2000),
});
export type RecordMeasureInput = z.infer<typeof RecordMeasureInput>;

/** What the school sees of an item it sent: the delivery, its acknowledgement or the warning. */
export const SchoolDelivery = z.object({
  id: z.number().int(),
  kind: InboxItemKind,
  municipality: InboxMunicipality.extend({ pec: z.string().nullable() }),
  student: z
    .object({ id: z.number().int(), lastName: z.string(), firstName: z.string(), className: z.string() })
    .nullable(),
  students: z.number().int(),
  deliveredAt: z.string(),
  dueBy: IsoDate,
  status: DeliveryStatus,
  acknowledgement: Acknowledgement.nullable(),
});
export type SchoolDelivery = z.infer<typeof SchoolDelivery>;

export const SchoolDeliveries = z.object({
  ackWorkingDays: z.number().int(),
  deliveries: z.array(SchoolDelivery),
});
export type SchoolDeliveries = z.infer<typeof SchoolDeliveries>;

/**
 * The student's deliveries and their municipality of residence: whether an office can receive
 * in primm-ews, or the report goes by PEC (null: residence unknown).
 */
export const StudentDeliveries = z.object({
  ackWorkingDays: z.number().int(),
  residence: InboxMunicipality.extend({ pec: z.string().nullable(), hasAccount: z.boolean() }).nullable(),
  deliveries: z.array(SchoolDelivery),
});
export type StudentDeliveries = z.infer<typeof StudentDeliveries>;
