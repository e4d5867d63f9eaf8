import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { runIdempotent } from '@platform/database';
import { DomainError } from '@platform/errors';
import { OutboxPublisher } from '@platform/service';
import { ClosedCycleResults } from '../../cycles/application/closed-cycle-results';
import { StandingCalculator } from '../../standing/application/standing-calculator';
import { AppealOutcome, decisionViolations, isAppealId, ownsScheme, uncountedRecords } from '../domain/appeal';
import { AppealErrorCode } from '../domain/appeal-errors';
import { GradeAppealRow, GradeAppealsRepository } from '../infrastructure/grade-appeals.repository';
import type { AppealWriteResult, DecideAppealCommand } from './appeal.commands';
import { gradeAppealView, GradeAppealView } from './grade-appeal.view';

/**
 * The scheme's owner decides an open appeal (属地交通运输行业管理部门负责对申诉情况及时调查核实, seed 004 苏州).
 * Upheld: the records the investigation found should not count (e.g. an accident the subject was
 * found not responsible for) are disregarded under this scheme, and the subject is re-graded at
 * once by the scheme's rules (its standing, and the closed cycle's result when that was contested), in the same transaction (ADR 0054: the grade is never set by hand,
 * and the record itself stays its provider's). Rejected: the grade stands. Either way a reason is
 * given and `evaluation.grade.appeal-decided` is announced through the outbox.
 *
 * Refused whole, nothing written: 400 APPEAL.INVALID (shape), 404 APPEAL.NOT_FOUND, 403
 * APPEAL.NOT_OWNER (the caller's region does not cover every region of the scheme), 409
 * APPEAL.ALREADY_DECIDED, 422 APPEAL.RECORD_NOT_COUNTED (a record that is not the subject's in the
 * contested cycle).
 */
@Injectable()
export class DecideAppealHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly standings: StandingCalculator,
    private readonly closedCycles: ClosedCycleResults,
  ) {}

  async execute(principal: Principal, command: DecideAppealCommand): Promise<AppealWriteResult> {
    assertScope(principal, Scopes.Admin);
    if (!isAppealId(command.appealId)) throw notFound(command.appealId);
    const violations = decisionViolations(command);
    if (violations.length > 0) throw DomainError.validation(AppealErrorCode.Invalid, violations, 'The decision is invalid; nothing was stored.');
    const { appealId, outcome, reason, disregardedRecordIds } = command;
    const { answer, replayed } = await this.dataSource.transaction((manager) =>
      runIdempotent(
        manager,
        {
          clientId: principal.clientId,
          key: command.idempotencyKey,
          operation: 'appeals.decide',
          request: { appealId, outcome, reason, disregardedRecordIds },
        },
        () => this.decide(manager, principal, command),
      ),
    );
    return { appeal: answer, replayed };
  }

  private async decide(manager: EntityManager, principal: Principal, command: DecideAppealCommand): Promise<GradeAppealView> {
    const outcome = command.outcome as AppealOutcome;
    const disregarded = command.disregardedRecordIds.map((id) => id.toLowerCase());
    {
      const appeal = await GradeAppealsRepository.find(manager, command.appealId, { lock: true });
      if (!appeal) throw notFound(command.appealId);
      if (!ownsScheme(principal, await GradeAppealsRepository.schemeRegions(manager, appeal.schemeId))) {
        throw DomainError.forbidden(
          AppealErrorCode.NotOwner,
          `Scheme ${appeal.schemeId} grades regions outside the client's region ${principal.region}: only its owner decides appeals.`,
        );
      }
      if (appeal.status !== 'open') throw DomainError.conflict(AppealErrorCode.AlreadyDecided, `Appeal ${appeal.id} was ${appeal.status} already.`);
      await assertCounted(manager, appeal, disregarded);

      const decidedAt = new Date();
      await GradeAppealsRepository.decide(manager, appeal.id, {
        outcome,
        reason: command.reason,
        decidedBy: principal.clientId,
        decidedAt,
        disregardedRecordIds: disregarded,
      });
      let regraded = { grade: appeal.grade, score: appeal.score };
      if (outcome === 'upheld') {
        // The appeal is the cause of the re-grade: its grade.changed carries the appeal id.
        await this.standings.recompute(manager, appeal.subjectId, appeal.id);
        // A published (closed-cycle) result is graded again and re-announced; a current one is the standing just recomputed.
        const after = appeal.cycleId ? await this.closedCycles.regrade(manager, appeal.cycleId, appeal.subjectId) : await currentResult(manager, appeal);
        regraded = after ?? regraded;
        await GradeAppealsRepository.setRegraded(manager, appeal.id, regraded.grade, regraded.score);
      }
      await this.outbox.append(manager, Events.EvaluationGradeAppealDecided, {
        subjectId: appeal.subjectId,
        region: appeal.region,
        occurredAt: decidedAt,
        data: {
          appealId: appeal.id,
          schemeId: appeal.schemeId,
          schemeVersion: appeal.schemeVersion,
          subject: { kind: appeal.subjectKind, id: appeal.subjectId },
          region: appeal.region,
          cycleLabel: appeal.cycleLabel,
          grade: appeal.grade,
          score: appeal.score,
          outcome,
          reason: command.reason,
          disregardedRecordIds: disregarded,
          regraded,
          decidedBy: principal.clientId,
          decidedAt: decidedAt.toISOString(),
        },
      });
      return gradeAppealView((await GradeAppealsRepository.find(manager, appeal.id))!);
    }
  }
}

function notFound(appealId: string): DomainError {
  return DomainError.notFound(AppealErrorCode.NotFound, `No grade appeal ${appealId}.`);
}

/** Every disregarded record must be the subject's, decided inside the contested cycle. */
async function assertCounted(manager: EntityManager, appeal: GradeAppealRow, recordIds: readonly string[]): Promise<void> {
  if (recordIds.length === 0) return;
  const counted = await GradeAppealsRepository.recordsInCycle(manager, appeal.subjectId, recordIds, appeal.cycleStart, appeal.cycleEnd);
  const missing = uncountedRecords(recordIds, counted);
  if (missing.length === 0) return;
  throw new DomainError(
    AppealErrorCode.RecordNotCounted,
    'precondition',
    `${missing.length} record(s) are not subject ${appeal.subjectId}'s records in cycle ${appeal.cycleLabel}; nothing was decided.`,
    missing.map((id) => ({
      field: `disregardedRecordIds[${recordIds.indexOf(id)}]`,
      message: `record ${id} is not one of the subject's records in ${appeal.cycleLabel}`,
      code: 'NOT_COUNTED',
    })),
  );
}

async function currentResult(manager: EntityManager, appeal: GradeAppealRow): Promise<{ grade: string; score: number } | undefined> {
  const [row]: { grade: string; score: number }[] = await manager.query(`SELECT grade, score FROM subject_standings WHERE subject_id = $1 AND scheme_id = $2`, [
    appeal.subjectId,
    appeal.schemeId,
  ]);
  return row;
}
