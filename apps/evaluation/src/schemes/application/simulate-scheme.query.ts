import type { SimulationSummary } from '../../engine/domain/simulation';

/** What-if: a draft version of scheme `id` (a JSON document) graded against the active one; nothing is stored. */
export interface SimulateSchemeQuery {
  id: string;
  documentJson: string;
}

export interface SimulationView extends SimulationSummary {
  schemeId: string;
  /** The active version compared against; 0 when the scheme has none yet. */
  activeVersion: number;
  evaluatedAt: string;
}
