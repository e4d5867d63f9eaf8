import { measuresV1 } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { isInForce, type ListEntry } from '../domain/list-entry';

/** The API shape of an entry, with whether it binds today. */
export function toListEntryProto(entry: ListEntry, on = chinaDateOf(new Date())): measuresV1.ListEntry {
  return {
    id: entry.id,
    listType: entry.listType,
    subject: entry.subject,
    region: entry.region,
    status: entry.status,
    origin: entry.origin,
    ruleId: entry.ruleId ?? '',
    basis: entry.basis.map((b) =>
      b.kind === 'record'
        ? {
            kind: 'record',
            recordId: b.recordId,
            recordType: b.recordType,
            decisionDate: b.decisionDate,
            schemeId: '',
            cycle: '',
            grade: '',
            pointsDeducted: 0,
          }
        : {
            kind: 'grade',
            recordId: '',
            recordType: '',
            decisionDate: '',
            schemeId: b.schemeId,
            cycle: b.cycle,
            grade: b.grade,
            pointsDeducted: b.pointsDeducted ?? 0,
          },
    ),
    grounds: entry.grounds,
    provenance: entry.provenance ?? undefined,
    proposedOn: entry.proposedOn,
    noticeEndsOn: entry.noticeEndsOn,
    startsOn: entry.startsOn ?? '',
    endsOn: entry.endsOn ?? '',
    decision: entry.decision ?? undefined,
    removal: entry.removal ?? undefined,
    version: entry.version,
    inForce: isInForce(entry, on),
    recognition: entry.recognition
      ? {
          outcome: entry.recognition.outcome,
          agreement: entry.recognition.agreement ?? '',
          reason: entry.recognition.reason,
          maxTermMonths: entry.recognition.maxTermMonths ?? 0,
        }
      : undefined,
    sourceVersion: entry.sourceVersion ?? 0,
    partnerUpdates: entry.partnerUpdates,
  };
}
