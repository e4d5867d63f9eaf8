import { chinaDateOf } from '@domain/calendar';
import { DomainError } from '@platform/errors';
import type { Catalogue } from '../../catalogue/domain/catalogue';
import { validateSubmission, ValidSubmission } from './record-submission';
import { RecordErrorCode } from './record-errors';

/** The correctable fields; the type, subject and region identify the record and cannot change. */
export interface Correction {
  severity?: string;
  decisionDate?: string;
  documentNumber?: string;
  subjectName?: string;
  payloadJson?: string;
}

export interface CorrectableRecord {
  recordType: string;
  subjectKind: string;
  subjectId: string;
  subjectName: string;
  region: string;
  severity: string;
  decisionDate: string;
  documentNumber: string;
  payload: Record<string, unknown>;
}

export interface CorrectedRecord {
  submission: ValidSubmission;
  changes: Record<string, { from: unknown; to: unknown }>;
}

/**
 * Applies a correction and validates the result against the catalogue in force, exactly as a new
 * submission would be. A correction that changes nothing is refused: it would only add noise
 * to the history.
 */
export function correctRecord(record: CorrectableRecord, correction: Correction, catalogue: Catalogue, today = chinaDateOf(new Date())): CorrectedRecord {
  const submission = validateSubmission(
    {
      recordType: record.recordType,
      subject: { kind: record.subjectKind, id: record.subjectId, name: correction.subjectName ?? record.subjectName },
      region: record.region,
      severity: correction.severity ?? record.severity,
      decisionDate: correction.decisionDate ?? record.decisionDate,
      documentNumber: correction.documentNumber ?? record.documentNumber,
      payloadJson: correction.payloadJson ?? JSON.stringify(record.payload),
      sourceRecordId: '',
      idempotencyKey: '',
    },
    catalogue,
    today,
  );
  const changes: CorrectedRecord['changes'] = {};
  const compare = (field: string, from: unknown, to: unknown) => {
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  };
  compare('subject.name', record.subjectName, submission.subject.name);
  compare('severity', record.severity, submission.severity);
  compare('decisionDate', record.decisionDate, submission.decisionDate);
  compare('documentNumber', record.documentNumber, submission.documentNumber);
  compare('payload', record.payload, submission.payload);
  if (Object.keys(changes).length === 0) {
    throw DomainError.validation(RecordErrorCode.Invalid, [{ field: 'correction', message: 'changes nothing in the record', code: 'NO_CHANGE' }]);
  }
  return { submission, changes };
}
