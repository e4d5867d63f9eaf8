import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RepairRecord } from '../domain/repair-record';
import type { RepairListEntry } from '../domain/repair-list-entry';
import { RepairListEntriesRepository } from '../infrastructure/repair-list-entries.repository';
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

  /** The payments of a penalty's fine received from collection (`fine-payment`, catalogue v2). */
  finePayments(manager: EntityManager, penalty: RepairRecord): Promise<RepairRecord[]> {
    return RepairRecordsRepository.finePayments(manager, penalty.subjectId, penalty.documentNumber);
  }

  findListEntry(manager: EntityManager, entryId: string): Promise<RepairListEntry | undefined> {
    return RepairListEntriesRepository.find(manager, entryId);
  }
}
