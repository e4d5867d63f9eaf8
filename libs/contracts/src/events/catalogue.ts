/**
 * The event catalogue: every subject the platform publishes, its stream, its version and its
 * payload type. Subjects are logical (no test prefix); the messaging lib applies the namespace.
 */
import { CreditRecordCreatedV1, CreditRecordRevokedV1 } from './credit-records';
import { EvaluationGradeChangedV1 } from './evaluation';

export const STREAM_SUBJECTS = {
  CREDIT_RECORDS: 'credit.records.>',
  EVALUATION: 'evaluation.>',
  MEASURES: 'measures.>',
  REPAIR: 'repair.>',
  PERMITS: 'permits.>',
  POSITIONS: 'telemetry.positions.>',
  DEADLETTER: 'deadletter.>',
} as const;
export type StreamName = keyof typeof STREAM_SUBJECTS;

export interface EventDefinition<TData> {
  subject: string;
  stream: StreamName;
  version: number;
  /** Phantom field: carries the payload type for typed publish/consume helpers. */
  readonly _data?: TData;
}

function event<TData>(stream: StreamName, subject: string, version: number): EventDefinition<TData> {
  return { stream, subject, version };
}

export const Events = {
  CreditRecordCreated: event<CreditRecordCreatedV1>('CREDIT_RECORDS', 'credit.records.created', 1),
  CreditRecordRevoked: event<CreditRecordRevokedV1>('CREDIT_RECORDS', 'credit.records.revoked', 1),
  EvaluationGradeChanged: event<EvaluationGradeChangedV1>('EVALUATION', 'evaluation.grade.changed', 1),
} as const;
