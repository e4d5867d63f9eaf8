import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RepairRecord } from '../domain/repair-record';
import { RepairRecordsRepository } from '../infrastructure/repair-records.repository';

/** What other repair features read of the record copy (the records feature's port). */
@Injectable()
export class RepairRecordReader {
  find(manager: EntityManager, recordId: string): Promise<RepairRecord | undefined> {
    return RepairRecordsRepository.find(manager, recordId);
  }

  ofSubject(manager: EntityManager, subjectId: string): Promise<RepairRecord[]> {
    return RepairRecordsRepository.ofSubject(manager, subjectId);
  }
}
