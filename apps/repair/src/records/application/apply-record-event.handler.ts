import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RepairRecord } from '../domain/repair-record';
import { RepairRecordsRepository } from '../infrastructure/repair-records.repository';

/**
 * Keeps repair's copy of the credit records current from collection's events (the record a repair
 * needs is read here, never fetched from collection synchronously).
 */
@Injectable()
export class ApplyRecordEventHandler {
  stored(manager: EntityManager, record: RepairRecord): Promise<void> {
    return RepairRecordsRepository.upsert(manager, record);
  }

  ended(manager: EntityManager, recordId: string, status: 'revoked' | 'expired', version: number, changedAt: string): Promise<void> {
    return RepairRecordsRepository.end(manager, recordId, status, version, changedAt);
  }
}
