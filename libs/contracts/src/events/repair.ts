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
