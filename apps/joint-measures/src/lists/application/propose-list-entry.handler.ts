import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError, type FieldViolation } from '@platform/errors';
import { SUBJECT_RECORDS, type SubjectRecords } from '../../entry-rules/application/entry-rules.tokens';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { ListEntryErrorCode } from '../domain/list-errors';
import { ListEntryLedger } from './list-entry-ledger';
import { invalid, listTypeOf, today, UUID, writeListEntryOnce } from './list-writes';
import type { ProposeListEntryCommand, ProposeListEntryResult } from './propose-list-entry.command';

/**
 * A unit proposes an entry resting on records it can name. The subject must be known to the
 * platform (records about it were collected) and every basis record must be about it and still
 * count; the entry belongs to the region of its records, which the caller must cover.
 */
@Injectable()
export class ProposeListEntryHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: ListEntryLedger,
    @Inject(SUBJECT_RECORDS) private readonly subjects: SubjectRecords,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  async execute(principal: Principal, command: ProposeListEntryCommand): Promise<ProposeListEntryResult> {
    assertScope(principal, Scopes.RecordsWrite);
    const listType = listTypeOf(command.listType);
    if (!command.subjectId) invalid([{ field: 'subjectId', message: 'is required' }]);
    if (command.basisRecordIds.length === 0) invalid([{ field: 'basisRecordIds', message: 'name at least one record the entry rests on' }]);
    if (!command.grounds.trim()) invalid([{ field: 'grounds', message: 'is required (quoted in the notice to the subject)' }]);
    const asked = {
      listType,
      subjectId: command.subjectId,
      basisRecordIds: command.basisRecordIds,
      grounds: command.grounds.trim(),
      durationMonths: command.durationMonths,
    };
    return writeListEntryOnce(
      this.dataSource,
      this.cache,
      principal,
      { key: command.idempotencyKey, operation: 'lists.propose', request: asked },
      async (manager) => {
        this.cache.hold(command.subjectId);
        if (!(await this.subjects.knowsSubject(manager, command.subjectId))) {
          throw DomainError.notFound(
            ListEntryErrorCode.UnknownSubject,
            `No credit record about subject ${command.subjectId} has been collected; an entry needs a known subject.`,
          );
        }
        const records = await Promise.all(command.basisRecordIds.map((id) => (UUID.test(id) ? this.subjects.record(manager, id) : undefined)));
        const violations = records.flatMap((r, i): FieldViolation[] => {
          if (!r || r.subjectId !== command.subjectId) return [{ field: `basisRecordIds[${i}]`, message: 'no record with this id about the subject' }];
          return r.standing ? [] : [{ field: `basisRecordIds[${i}]`, message: 'the record was revoked or has expired' }];
        });
        if (violations.length > 0) invalid(violations);
        const basis = records.map((r) => r!);
        assertRegionScope(principal, basis[0].region);
        const entry = await this.ledger.propose(manager, {
          listType,
          subject: { kind: basis[0].subjectKind, id: basis[0].subjectId, name: basis[0].subjectName },
          region: basis[0].region,
          origin: 'manual',
          ruleId: null,
          basis: basis.map((r) => ({ kind: 'record', recordId: r.recordId, recordType: r.recordType, decisionDate: r.decisionDate })),
          grounds: command.grounds.trim(),
          durationMonths: command.durationMonths > 0 ? command.durationMonths : undefined,
          proposedOn: today(),
        });
        return entry!;
      },
    );
  }
}
