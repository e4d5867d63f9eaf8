import { collectionV1 } from '@contracts';
import { JsonValue, parseJson } from '../json';

/** GET /api/v1/credit-records/{id}: the record with its payload and history as JSON, not JSON text. */
export interface CreditRecordBody extends Omit<collectionV1.GetRecordResponse, 'payloadJson' | 'history' | 'publicSummary'> {
  payload: JsonValue;
  /** Only on a partner's record held from its change feed (ADR 0086): its public facts only, this the partner's summary. */
  publicSummary?: string;
  history: CreditRecordVersionBody[];
}

/** One version of a record; `changes` only on versions that changed fields. */
export interface CreditRecordVersionBody extends Omit<collectionV1.RecordVersion, 'changesJson'> {
  changes?: JsonValue;
}

/** POST /api/v1/credit-records. */
export interface SubmittedRecordBody {
  id: string;
  status: string;
}

/** POST /api/v1/credit-records/batches. */
export interface SubmittedBatchBody {
  batchId: string;
  lineCount: number;
}

export function toCreditRecordBody({ payloadJson, publicSummary, ...record }: collectionV1.GetRecordResponse): CreditRecordBody {
  return {
    ...record,
    payload: parseJson(payloadJson || '{}'),
    ...(publicSummary ? { publicSummary } : {}),
    history: record.history.map(({ changesJson, ...version }) => ({ ...version, ...(changesJson ? { changes: parseJson(changesJson) } : {}) })),
  };
}
