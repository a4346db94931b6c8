import type { MayorReport } from '@primm/shared/contracts/compulsory';
import type { InboxItemSummary, SchoolDelivery } from '@primm/shared/contracts/municipality-inbox';
import { deliveryStatus } from '@primm/shared/municipality-inbox/delivery-status';
import type { ItemRow, OctoberListPayload } from './repository';

export interface StatusContext {
  today: string;
  limit: number;
  withAccount: Set<string>;
}

const isReport = (row: ItemRow): row is ItemRow & { payload: MayorReport } => row.kind === 'mayor_report';

function statusOf(row: ItemRow, ctx: StatusContext) {
  return deliveryStatus({
    deliveredOn: row.deliveredAt.slice(0, 10),
    acknowledged: row.acknowledgedAt !== null,
    hasAccount: ctx.withAccount.has(row.municipalityIstat),
    today: ctx.today,
    limit: ctx.limit,
  });
}

const acknowledgementOf = (row: ItemRow) =>
  row.acknowledgedAt && row.receivedOn && row.protocolNumber
    ? { receivedOn: row.receivedOn, protocolNumber: row.protocolNumber, acknowledgedAt: row.acknowledgedAt }
    : null;

/** The municipality's row: the name of a report's student as printed, the size of a list. */
export function toInboxSummary(row: ItemRow, ctx: StatusContext): InboxItemSummary {
  return {
    id: row.id,
    kind: row.kind,
    municipality: { istatCode: row.municipalityIstat, name: row.municipalityName },
    school: { code: row.schoolCode, name: row.schoolName },
    schoolYear: row.schoolYear,
    student: isReport(row)
      ? { lastName: row.payload.student.lastName, firstName: row.payload.student.firstName }
      : null,
    students: isReport(row) ? 1 : (row.payload as OctoberListPayload).rows.length,
    deliveredAt: row.deliveredAt,
    ...statusOf(row, ctx),
    acknowledgement: acknowledgementOf(row),
    measureCount: row.measureCount,
  };
}

/** The school's view of what it sent: delivery and acknowledgement, never the measures' text. */
export function toSchoolDelivery(row: ItemRow, ctx: StatusContext, pec: string | null): SchoolDelivery {
  return {
    id: row.id,
    kind: row.kind,
    municipality: { istatCode: row.municipalityIstat, name: row.municipalityName, pec },
    student:
      isReport(row) && row.studentId !== null
        ? {
            id: row.studentId,
            lastName: row.payload.student.lastName,
            firstName: row.payload.student.firstName,
            className: row.payload.student.className,
          }
        : null,
    students: isReport(row) ? 1 : (row.payload as OctoberListPayload).rows.length,
    deliveredAt: row.deliveredAt,
    ...statusOf(row, ctx),
    acknowledgement: acknowledgementOf(row),
  };
}
