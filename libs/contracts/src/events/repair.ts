/**
 * Payload of `repair.records.repaired` v1: the deciding authority approved a credit repair
 * (信用修复) for one record, so its publication and the punishments resting on it end early
 * (DOMAIN.md §5). Published by the repair service; collection turns it into the record's
 * `repaired` version and announces that as `credit.records.updated` (status `repaired`), which is
 * what evaluation, joint measures and disclosure act on.
 */
export interface RepairRecordRepairedV1 {
  applicationId: string;
  recordId: string;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string };
  /** repair-commitment | closed-loop (the checklist the application went through). */
  path: string;
  decidedBy: string;
  decidedAt: string;
  reason: string;
}

/**
 * Payload of `repair.list-entries.repaired` v1: the deciding authority approved the repair of a
 * list entry (key-watch, severe-dishonesty, bad-driver; issue 19 items 2 and 7). Joint measures
 * removes the entry (removal reason `repair`) and announces `measures.list-entries.removed`, which
 * disclosure acts on (a severe-list removal stops publication within 3 working days, DOMAIN.md §5).
 */
export interface RepairListEntryRepairedV1 {
  applicationId: string;
  entryId: string;
  listType: string;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string };
  decidedBy: string;
  decidedAt: string;
  reason: string;
}

/**
 * Payload of `repair.records.repair-revoked` v1: the deciding authority revoked a repair it had
 * approved because the subject's commitment was false (issue 19 item 8; DOMAIN.md §5). Everything
 * the repair ended is restored: collection puts the record back in force (a new version with
 * change `repair-revoked`, status as before the repair) and announces it as
 * `credit.records.updated`, which disclosure (publication resumes for the rest of its period),
 * evaluation and joint measures act on.
 */
export interface RepairRecordRepairRevokedV1 {
  applicationId: string;
  recordId: string;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string };
  revokedBy: string;
  revokedAt: string;
  reason: string;
  /** China date until which the subject may not apply for a repair again. */
  barredUntil: string;
}

/**
 * Payload of `repair.notices.issued` v1: the repair notice (信用修复告知) produced when a repairable
 * record is received — when and how it can be repaired (DOMAIN.md §5: repair notice delivered with
 * the penalty decision; seed 004 珠海 "双信同达" 预先告知 by SMS). An integration event (ADR 0045):
 * integrators turn it into SMS; the pull form is `GET /api/v1/subjects/{subjectId}/repair-reminders`.
 */
export interface RepairNoticeIssuedV1 {
  recordId: string;
  recordType: string;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string; name: string };
  /** The record's authority region: its units decide the repair. */
  region: string;
  severity: 'minor' | 'general' | 'severe';
  decisionDate: string;
  /** First day a repair may be applied for (the day after the minimum period). */
  earliestRepairDate: string;
  /** Last day of publication. */
  publicationEndsOn: string;
  /** repair-commitment | closed-loop */
  mode: string;
  /** The checklist item (or rule for unlisted items) the mode comes from. */
  modeBasis: string;
  issuedAt: string;
  /**
   * The record's version the notice was computed from: 1 for the record as received, higher after a
   * correction changed its severity, decision date or violation type (a new notice then follows).
   * A reader keeps the notice of the highest version. Absent in notices issued before it was added: 1.
   */
  recordVersion?: number;
}

/**
 * Payload of `repair.reminders.due` v1: a record's minimum publicity period ended today, so its
 * repair may be applied for from now on (DOMAIN.md §5; seed 003 天津: reminders when the minimum
 * period ends). Sent once per record by repair's reminder sweep. An integration event (ADR 0045):
 * integrators turn it into SMS; the pull form is `GET /api/v1/subjects/{subjectId}/repair-reminders`.
 */
export interface RepairReminderDueV1 {
  recordId: string;
  recordType: string;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string; name: string };
  region: string;
  severity: 'minor' | 'general' | 'severe';
  decisionDate: string;
  /** First day a repair may be applied for (the day after the minimum period). */
  earliestRepairDate: string;
  publicationEndsOn: string;
  /** repair-commitment | closed-loop */
  mode: string;
  modeBasis: string;
  remindedAt: string;
}

/**
 * Payload of `repair.list-entries.repair-revoked` v1: the deciding authority revoked a list-entry
 * repair it had approved because the commitment was false (issue 19 item 8; ADR 0065, 0076). The
 * entry's early removal is undone: joint measures puts the entry back in force with its original
 * period (announced as `measures.list-entries.effective`), so disclosure lists it again.
 */
export interface RepairListEntryRepairRevokedV1 {
  applicationId: string;
  entryId: string;
  listType: string;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string };
  revokedBy: string;
  revokedAt: string;
  reason: string;
  /** ISO date: the subject may not apply again before the day after. */
  barredUntil: string;
}
