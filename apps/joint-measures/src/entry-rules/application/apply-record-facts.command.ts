import type { SubjectKind } from '@domain/credit';
import type { RecordFacts } from '../domain/record-facts';

/** A record collected (created): its facts as they now stand. */
export type StoreRecordCommand = RecordFacts;

/** A record corrected: the facts a rule may count that a correction can change (the payload stays as created). */
export interface CorrectRecordCommand {
  recordId: string;
  subjectId: string;
  subjectName: string;
  region: string;
  severity: RecordFacts['severity'];
  decisionDate: string;
}

/** A record that stopped counting: revoked, past its publicity, or repaired (信用修复). */
export interface EndRecordCommand {
  recordId: string;
  recordType: string;
  subject: { kind: SubjectKind | string; id: string };
  reason: 'revoked' | 'expired' | 'repaired';
}
