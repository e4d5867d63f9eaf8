/** Measures applied per asking unit in one month (DOMAIN.md §4), from the decision log. */
export interface GetMeasuresAppliedQuery {
  /** GB/T 2260 code; empty: the caller's region. */
  region: string;
  /** YYYY-MM (China time). */
  month: string;
}

export interface AppliedMeasureCount {
  code: string;
  scene: string;
  effect: string;
  applied: number;
  subjects: number;
}

export interface UnitMeasuresApplied {
  /** The asking unit (client id). */
  unit: string;
  decisions: number;
  denied: number;
  conditional: number;
  measures: AppliedMeasureCount[];
}

export interface MeasuresAppliedReport {
  region: string;
  month: string;
  units: UnitMeasuresApplied[];
}
