import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EvaluationPartnerGradeRecognisedV1, EvaluationPartnerGradeUnrecognisedV1, EventEnvelope, Events } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { RecognisePartnerGradeHandler } from '../application/recognise-partner-grade.handler';

function validVersion(p: { partnerRegion?: string; schemeId?: string; version?: number; changeId?: string } | undefined): boolean {
  return !!p?.partnerRegion && !!p.schemeId && !!p.changeId && Number.isInteger(p.version) && (p.version ?? 0) > 0;
}

/**
 * A partner province's grades evaluation recognised on our ladder (ADR 0090): recognised ones
 * become facts of the subject's decisions (apart from our grades), unrecognised ones stop being.
 */
@Injectable()
export class PartnerGradeEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly handler: RecognisePartnerGradeHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.EvaluationPartnerGradeRecognised, 'joint-measures-partner-grades-recognised', {
      one: (event, manager) => this.recognised(event, manager),
    });
    this.consumers.consume(Events.EvaluationPartnerGradeUnrecognised, 'joint-measures-partner-grades-unrecognised', {
      one: (event, manager) => this.unrecognised(event, manager),
    });
  }

  async recognised(event: EventEnvelope<EvaluationPartnerGradeRecognisedV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.EvaluationPartnerGradeRecognised.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    const g = event.data;
    const p = g?.provenance;
    if (!g?.subject?.id || !g.equivalent?.schemeId || !g.equivalent.grade || !validVersion(p) || !p.partnerName || !p.grade) {
      throw new PoisonMessageError('a recognised partner grade needs subject.id, equivalent.schemeId and grade, and the provenance with its version');
    }
    const partner = {
      partnerRegion: p.partnerRegion,
      partnerName: p.partnerName,
      schemeId: p.schemeId,
      schemeName: p.schemeName || p.schemeId,
      grade: p.grade,
      gradeLabel: p.gradeLabel || p.grade,
      cycle: p.cycle,
      evaluatedAt: p.evaluatedAt,
    };
    await this.handler.recognise(
      manager,
      { subjectId: g.subject.id, partnerRegion: p.partnerRegion, partnerSchemeId: p.schemeId, version: p.version, changeId: p.changeId },
      { schemeId: g.equivalent.schemeId, grade: g.equivalent.grade, tableId: g.equivalent.tableId, partner },
      new Date(g.recognisedAt),
    );
  }

  async unrecognised(event: EventEnvelope<EvaluationPartnerGradeUnrecognisedV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.EvaluationPartnerGradeUnrecognised.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    const u = event.data;
    const p = u?.provenance;
    if (!u?.subject?.id || !validVersion(p) || !u.reason)
      throw new PoisonMessageError('an unrecognised partner grade needs subject.id, reason and the provenance with its version');
    await this.handler.unrecognise(
      manager,
      { subjectId: u.subject.id, partnerRegion: p.partnerRegion, partnerSchemeId: p.schemeId, version: p.version, changeId: p.changeId },
      u.reason,
      new Date(u.unrecognisedAt),
    );
  }
}
