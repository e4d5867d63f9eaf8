import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { parseUscc } from '@domain/identifiers';
import { applyLicence, licenceOfRecord, withdrawLicence } from '../domain/enterprise';
import { RegistryEnterpriseEntity } from '../infrastructure/registry.entities';
import { RegistryAuthor, RegistryWriter } from './registry-writer';

/** The record type whose records describe operating licences (catalogue v1: 行政许可, 双公示). */
export const LICENCE_RECORD_TYPE = 'administrative-licence';

/** Author of the revisions this hook makes (the record's own source unit is in the record). */
export const LICENCE_RECORDS_AUTHOR = 'system:licence-records';

/** What the hook needs of a `credit.records.created` or `credit.records.updated` event. */
export interface LicenceRecordFacts {
  recordId: string;
  recordType: string;
  subject: { kind: string; id: string; name: string };
  region: string;
  documentNumber: string;
  payload: Record<string, unknown>;
}

/** What the hook needs of a `credit.records.revoked` event. */
export interface RevokedRecordFacts {
  recordId: string;
  recordType: string;
  subject: { kind: string; id: string };
}

// The record's source unit was region-checked when it submitted the record.
const AUTHOR: RegistryAuthor = { source: 'licence-record', changedBy: LICENCE_RECORDS_AUTHOR, authorise: () => undefined };

/**
 * 行政许可 records about enterprises keep the registry's licences (source `licence-record`):
 * - a new record registers its licence, with the sectors its business scope names; the
 *   enterprise is created if the registry does not know it yet (name and region from the record),
 *   and a licence with the same number is replaced (a renewal);
 * - a correction of the record replaces the licence that came from it;
 * - a revocation withdraws it.
 * Other record types, and licences of persons, vehicles and vessels, are not the registry's
 * business here. Runs in the consumer's inbox transaction, so a redelivered event changes
 * nothing; a record already reflected changes nothing either (same content, no event).
 */
@Injectable()
export class ApplyLicenceRecordHandler {
  constructor(private readonly writer: RegistryWriter) {}

  async recorded(manager: EntityManager, record: LicenceRecordFacts): Promise<'applied' | 'ignored'> {
    const uscc = this.enterpriseOf(record);
    if (!uscc) return 'ignored';
    const licence = licenceOfRecord(record.payload, record.documentNumber, record.recordId);
    await this.writer.enterprise(
      manager,
      uscc,
      (current) => applyLicence(current, licence, { uscc, name: record.subject.name, region: record.region }),
      AUTHOR,
      chinaDateOf(new Date()),
    );
    return 'applied';
  }

  async revoked(manager: EntityManager, record: RevokedRecordFacts): Promise<'applied' | 'ignored'> {
    const uscc = this.enterpriseOf(record);
    if (!uscc) return 'ignored';
    const known = await manager.findOneBy(RegistryEnterpriseEntity, { uscc });
    if (!known?.licences.some((l) => l.recordId === record.recordId)) return 'ignored';
    // Found above, inside this transaction: the enterprise exists (registrations are never deleted).
    await this.writer.enterprise(manager, uscc, (current) => withdrawLicence(current!, record.recordId), AUTHOR, chinaDateOf(new Date()));
    return 'applied';
  }

  /** The enterprise's USCC if this is a licence record about one. */
  private enterpriseOf(record: { recordType: string; subject: { kind: string; id: string } }): string | undefined {
    if (record.recordType !== LICENCE_RECORD_TYPE || record.subject.kind !== 'org') return undefined;
    const uscc = parseUscc(record.subject.id);
    // Collection validated the record on intake; a subject id that is no USCC cannot be one of ours.
    return uscc.ok ? uscc.value : undefined;
  }
}
