import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { OutboxPublisher } from '@platform/service';
import type { Recognition, RecognitionTable } from '../../engine/domain/recognition';
import { equivalentOf, partnerGradeViolations, tableProblem, type PartnerGradeChange } from '../domain/partner-grade';
import { announcementOf } from '../domain/recognised-grade-announcement';
import { RecognitionErrorCode } from '../domain/recognition-errors';
import { partnerGrades, type StoredPartnerGrade } from '../infrastructure/partner-grades.repository';
import { RecognitionTables } from './recognition-tables';

export interface AppliedPartnerGrade {
  outcome: 'stored' | 'withdrawn' | 'stale' | 'unknown';
  grade?: StoredPartnerGrade & { equivalent?: Recognition };
}

type WrittenPartnerGrade =
  { outcome: 'stored' | 'withdrawn'; grade: StoredPartnerGrade } | { outcome: 'stale'; grade?: StoredPartnerGrade } | { outcome: 'unknown'; grade?: undefined };

/**
 * A partner province's grade from its change feed (issue 20, ADR 0085), stored as the partner's —
 * with its provenance and what the recognition agreement said of it (the gateway's finding) —
 * never as one of our standings. In force: stored or replaced, only over an older version;
 * withdrawn: the grade held is withdrawn, over an older version only; one never held needs
 * nothing. A partner speaks only for its own region. A recognition table the agreement names must
 * exist here and read this partner's ladder: the equivalent on our ladder is read through it.
 * A grade the agreement applies and the table reads on our ladder is announced in the same
 * transaction as `evaluation.partner-grades.recognised`; one that stops being so, as
 * `evaluation.partner-grades.unrecognised` (ADR 0090: joint measures' decisions use it).
 */
@Injectable()
export class ApplyPartnerGradeHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tables: RecognitionTables,
    private readonly outbox: OutboxPublisher,
  ) {}

  async execute(principal: Principal, change: PartnerGradeChange): Promise<AppliedPartnerGrade> {
    assertScope(principal, Scopes.ExchangeWrite);
    const violations = partnerGradeViolations(change);
    if (violations.length > 0) throw DomainError.validation(RecognitionErrorCode.InvalidPartnerGrade, violations);
    const p = change.provenance!;
    const r = change.recognition!;
    assertRegionScope(principal, p.partnerRegion, 'provenance.partnerRegion');
    const table = r.recognitionTableId ? await this.tableFor(r.recognitionTableId, p.partnerRegion, change.grade) : undefined;
    const key = { partnerRegion: p.partnerRegion, schemeId: p.schemeId, subjectId: change.subjectId };
    const written = await this.dataSource.transaction(async (manager) => {
      await partnerGrades.lock(manager, key);
      const before = await partnerGrades.of(manager, key);
      const result = await this.write(manager, change, key);
      if (result.outcome === 'stored' || result.outcome === 'withdrawn')
        await this.announce(manager, result.grade, equivalentOf(table, result.grade.grade), before);
      return result;
    });
    return written.grade ? { outcome: written.outcome, grade: { ...written.grade, equivalent: equivalentOf(table, written.grade.grade) } } : written;
  }

  private async write(
    manager: EntityManager,
    change: PartnerGradeChange,
    key: { partnerRegion: string; schemeId: string; subjectId: string },
  ): Promise<WrittenPartnerGrade> {
    const p = change.provenance!;
    const r = change.recognition!;
    if (change.state === 'withdrawn') {
      const withdrawn = await partnerGrades.withdraw(manager, key, {
        version: change.version,
        changeId: p.changeId,
        withdrawnAt: new Date().toISOString(),
        reason: change.reason || 'withdrawn at the source',
      });
      if (withdrawn) return { outcome: 'withdrawn' as const, grade: withdrawn };
      const held = await partnerGrades.of(manager, key);
      return held ? { outcome: 'stale' as const, grade: held } : { outcome: 'unknown' as const };
    }
    const stored = await partnerGrades.putInForce(manager, {
      ...key,
      partnerName: p.partnerName,
      schemeName: p.schemeName || p.schemeId,
      changeId: p.changeId,
      subjectName: change.subjectName,
      grade: change.grade,
      gradeLabel: change.gradeLabel || change.grade,
      cycle: change.cycle,
      evaluatedAt: new Date(change.evaluatedAt).toISOString(),
      version: change.version,
      status: r.outcome as 'applied' | 'not-applied',
      agreement: r.agreement,
      recognitionOutcome: r.outcome as 'applied' | 'not-applied',
      recognitionReason: r.reason,
      recognitionTableId: r.recognitionTableId || null,
    });
    if (stored) return { outcome: 'stored' as const, grade: stored };
    return { outcome: 'stale' as const, grade: await partnerGrades.of(manager, key) };
  }

  /** Recognised, no longer recognised, or nothing (ADR 0090), in the writing transaction. */
  private async announce(manager: EntityManager, written: StoredPartnerGrade, equivalent: Recognition | undefined, before: StoredPartnerGrade | undefined) {
    const announcement = announcementOf(written, equivalent, before, new Date());
    const event = { subjectId: written.subjectId, region: written.partnerRegion };
    if (announcement.kind === 'recognised') await this.outbox.append(manager, Events.EvaluationPartnerGradeRecognised, { ...event, data: announcement.data });
    if (announcement.kind === 'unrecognised')
      await this.outbox.append(manager, Events.EvaluationPartnerGradeUnrecognised, { ...event, data: announcement.data });
  }

  private async tableFor(tableId: string, partnerRegion: string, grade: string): Promise<RecognitionTable> {
    const table = await this.tables.get(tableId);
    if (!table) throw DomainError.notFound(RecognitionErrorCode.TableNotFound, `No recognition table ${tableId}.`);
    const problem = tableProblem(table, partnerRegion, grade);
    if (problem)
      throw DomainError.validation(RecognitionErrorCode.InvalidPartnerGrade, [
        { field: 'recognition.recognitionTableId', message: problem, code: 'TABLE_MISMATCH' },
      ]);
    return table;
  }
}
