import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { parseUscc } from '@domain/identifiers';
import { applyLicence, licenceOfRecord } from '../domain/enterprise';
import { RegistryWriter } from './registry-writer';

/** The record type whose records describe operating licences (catalogue v1: 行政许可, 双公示). */
export const LICENCE_RECORD_TYPE = 'administrative-licence';

/** Author of the revisions this hook makes (the record's own source unit is in the record). */
export const LICENCE_RECORDS_AUTHOR = 'system:licence-records';

/** What the hook needs of a `credit.records.created` event. */
export interface LicenceRecordFacts {
  recordType: string;
  subject: { kind: string; id: string; name: string };
  region: string;
  documentNumber: string;
  decisionDate: string;
  payload: Record<string, unknown>;
}

/**
 * A 行政许可 record about an enterprise registers its licence: the enterprise is created if the
 * registry does not know it yet (name and region from the record), and the licence, with the
 * sectors its business scope names, is added or replaces the one with the same number (source
 * `licence-record`). Anything else — other record types, licences of persons, vehicles, vessels —
 * is not the registry's business here. Runs in the consumer's inbox transaction, so a redelivered
 * event changes nothing; a record already reflected changes nothing either (same content).
 */
@Injectable()
export class ApplyLicenceRecordHandler {
  constructor(private readonly writer: RegistryWriter) {}

  async execute(manager: EntityManager, record: LicenceRecordFacts): Promise<'applied' | 'ignored'> {
    if (record.recordType !== LICENCE_RECORD_TYPE || record.subject.kind !== 'org') return 'ignored';
    const uscc = parseUscc(record.subject.id);
    // Collection validated the record on intake; a subject id that is no USCC cannot be one of ours.
    if (!uscc.ok) return 'ignored';
    const licence = licenceOfRecord(record.payload, record.documentNumber);
    await this.writer.enterprise(
      manager,
      uscc.value,
      (current) => applyLicence(current, licence, { uscc: uscc.value, name: record.subject.name, region: record.region }),
      // The record's source unit was region-checked when it submitted the record.
      { source: 'licence-record', changedBy: LICENCE_RECORDS_AUTHOR, authorise: () => undefined },
      chinaDateOf(new Date()),
    );
    return 'applied';
  }
}
