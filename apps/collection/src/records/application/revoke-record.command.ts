import type { RecordStatus } from '../domain/credit-record';

export interface RevokeRecordCommand {
  id: string;
  reason: string;
}

export interface RevokeRecordResult {
  id: string;
  status: RecordStatus;
  version: number;
}
