import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { assertScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { runIdempotent } from '@platform/database';
import { DomainError } from '@platform/errors';
import { OutboxPublisher, SERVICE_CONFIG } from '@platform/service';
import { ClosedCycleResults } from '../../cycles/application/closed-cycle-results';
import type { EvaluationConfig } from '../../evaluation.definition';
import { decisionDueBy, openingViolations } from '../domain/appeal';
import { AppealErrorCode } from '../domain/appeal-errors';
import { GradeAppealRow, GradeAppealsRepository, NewGradeAppeal } from '../infrastructure/grade-appeals.repository';
import type { AppealWriteResult, OpenAppealCommand } from './appeal.commands';
import { gradeAppealView, GradeAppealView } from './grade-appeal.view';

/** The contested result: the current standing, or what a completed close published. */
interface ContestedResult {
  cycleId: string | null;
  schemeVersion: number;
  subjectKind: GradeAppealRow['subjectKind'];
  region: string;
  grade: string;
  score: number;
  cycle: { label: string; start: string; end: string };
}

/**
 * A subject contests a result under a scheme (信用评价申诉, seed 004 苏州: 道路运输企业对评价结果有异议的，
 * 可提出申诉): its current standing, or with `period` the result that period's completed close
 * published (评价结果每季度发布一次). Opened through an integrator (scope records:write) whose region
 * covers the result's (403 APPEAL.REGION_FORBIDDEN otherwise); 404 APPEAL.GRADE_NOT_FOUND when there
 * is no such result; one open appeal per subject, scheme and cycle (409 APPEAL.ALREADY_OPEN).
 * Stored and announced as `evaluation.grade.appealed` in one transaction; the grade stands meanwhile.
 */
@Injectable()
export class OpenAppealHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<EvaluationConfig, 'APPEAL_DECISION_DAYS'>,
    private readonly closedCycles: ClosedCycleResults,
  ) {}

  async execute(principal: Principal, command: OpenAppealCommand): Promise<AppealWriteResult> {
    assertScope(principal, Scopes.RecordsWrite);
    const violations = openingViolations(command.reason, command.evidence, command.period);
    if (violations.length > 0) throw DomainError.validation(AppealErrorCode.Invalid, violations, 'The appeal is invalid; nothing was stored.');
    const { subjectId, schemeId, reason, evidence, period } = command;
    const { answer, replayed } = await this.dataSource.transaction((manager) =>
      runIdempotent(
        manager,
        { clientId: principal.clientId, key: command.idempotencyKey, operation: 'appeals.open', request: { subjectId, schemeId, reason, evidence, period } },
        () => this.open(manager, principal, command),
      ),
    );
    return { appeal: answer, replayed };
  }

  private async open(manager: EntityManager, principal: Principal, command: OpenAppealCommand): Promise<GradeAppealView> {
    {
      const standing = command.period
        ? await this.closedCycles.find(manager, command.schemeId, command.period, command.subjectId)
        : await currentStanding(manager, command.subjectId, command.schemeId);
      if (!standing) {
        throw DomainError.notFound(
          AppealErrorCode.GradeNotFound,
          `Subject ${command.subjectId} has no result under scheme ${command.schemeId}${command.period ? ` published for ${command.period}` : ''} to appeal against.`,
        );
      }
      if (!isWithinRegion(principal, standing.region)) {
        throw DomainError.forbidden(
          AppealErrorCode.RegionForbidden,
          `The subject was graded in region ${standing.region}, outside the client's region ${principal.region}: only its region's clients open appeals.`,
        );
      }
      const openedAt = new Date();
      const appeal: NewGradeAppeal = {
        id: randomUUID(),
        subjectId: command.subjectId,
        subjectKind: standing.subjectKind,
        schemeId: command.schemeId,
        schemeVersion: standing.schemeVersion,
        cycleId: standing.cycleId,
        region: standing.region,
        cycleLabel: standing.cycle.label,
        cycleStart: standing.cycle.start,
        cycleEnd: standing.cycle.end,
        grade: standing.grade,
        score: standing.score,
        reason: command.reason,
        evidence: command.evidence,
        openedBy: principal.clientId,
        openedAt,
        decisionDueBy: decisionDueBy(openedAt, this.config.APPEAL_DECISION_DAYS),
      };
      if (!(await GradeAppealsRepository.insertOpen(manager, appeal))) {
        throw DomainError.conflict(
          AppealErrorCode.AlreadyOpen,
          `An appeal against subject ${command.subjectId}'s result under ${command.schemeId} for ${standing.cycle.label} is already open.`,
        );
      }
      await this.outbox.append(manager, Events.EvaluationGradeAppealed, {
        subjectId: appeal.subjectId,
        region: appeal.region,
        occurredAt: openedAt,
        data: {
          appealId: appeal.id,
          schemeId: appeal.schemeId,
          schemeVersion: appeal.schemeVersion,
          subject: { kind: appeal.subjectKind, id: appeal.subjectId },
          region: appeal.region,
          cycleLabel: appeal.cycleLabel,
          grade: appeal.grade,
          score: appeal.score,
          reason: appeal.reason,
          evidence: appeal.evidence,
          openedBy: appeal.openedBy,
          openedAt: openedAt.toISOString(),
          decisionDueBy: appeal.decisionDueBy.toISOString(),
        },
      });
      return gradeAppealView((await GradeAppealsRepository.find(manager, appeal.id))!);
    }
  }
}

async function currentStanding(manager: EntityManager, subjectId: string, schemeId: string): Promise<ContestedResult | undefined> {
  const [row]: ContestedResult[] = await manager.query(
    `SELECT NULL AS "cycleId", scheme_version AS "schemeVersion", subject_kind AS "subjectKind", region, grade, score, result->'cycle' AS cycle
       FROM subject_standings WHERE subject_id = $1 AND scheme_id = $2`,
    [subjectId, schemeId],
  );
  return row;
}
