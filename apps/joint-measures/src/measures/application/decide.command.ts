import type { DecisionResult, MappingNotApplied } from '../domain/decision';
import type { Scene } from '../domain/measure-catalogue';

/** Which measures apply to a subject in a scene: the decision is written to the log, with its event. */
export interface DecideCommand {
  subjectId: string;
  scene: string;
  sector: string;
  region: string;
}

export interface Decision extends DecisionResult {
  decisionId: string;
  subjectId: string;
  scene: Scene;
  region: string;
  decidedAt: string;
  /** Mappings of the scene, place and sector not applied (pending or invalid), with why. */
  notApplied: MappingNotApplied[];
}
