import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { measuresV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { DecideQuery, type Decision } from '../application/decide.query';

export function decisionToProto(d: Decision): measuresV1.DecideResponse {
  return {
    decisionId: d.decisionId,
    outcome: d.outcome,
    subjectId: d.subjectId,
    scene: d.scene,
    region: d.region,
    decidedAt: d.decidedAt,
    measures: d.measures.map((m) => ({ code: m.code, name: m.name, effect: m.effect, legalBasis: m.legalBasis, mappingId: m.mappingId, source: m.source, value: m.value })),
    reasons: d.reasons.map((r) => ({
      kind: r.kind,
      mappingId: r.mappingId,
      entryId: r.kind === 'list-entry' ? r.entryId : '',
      listType: r.kind === 'list-entry' ? r.listType : '',
      startsOn: r.kind === 'list-entry' ? r.startsOn : '',
      endsOn: r.kind === 'list-entry' ? (r.endsOn ?? '') : '',
      schemeId: r.kind === 'grade' ? r.schemeId : '',
      cycle: r.kind === 'grade' ? r.cycle : '',
      grade: r.kind === 'grade' ? r.grade : '',
      recordType: r.kind === 'records' ? r.recordType : '',
      recordIds: r.kind === 'records' ? r.recordIds : [],
      count: r.kind === 'records' ? r.count : 0,
    })),
  };
}

@Controller()
@measuresV1.DecisionServiceControllerMethods()
export class DecisionsGrpcController implements measuresV1.DecisionServiceController {
  constructor(private readonly query: DecideQuery) {}

  async decide(request: measuresV1.DecideRequest, metadata?: Metadata): Promise<measuresV1.DecideResponse> {
    return decisionToProto(await this.query.execute(principalFrom(metadata), request));
  }
}
