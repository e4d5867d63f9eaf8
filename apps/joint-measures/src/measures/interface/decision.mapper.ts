import { measuresV1 } from '@contracts';
import type { Decision } from '../application/decide.command';

/** A decision as the DecisionService answers it. */
export function toDecideResponse(d: Decision): measuresV1.DecideResponse {
  return {
    decisionId: d.decisionId,
    outcome: d.outcome,
    subjectId: d.subjectId,
    scene: d.scene,
    region: d.region,
    decidedAt: d.decidedAt,
    measures: d.measures.map((m) => ({
      code: m.code,
      name: m.name,
      effect: m.effect,
      legalBasis: m.legalBasis,
      mappingId: m.mappingId,
      source: m.source,
      value: m.value,
    })),
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
      recognisedFrom: r.kind === 'grade' ? r.recognisedFrom : undefined,
    })),
    notApplied: d.notApplied,
  };
}
