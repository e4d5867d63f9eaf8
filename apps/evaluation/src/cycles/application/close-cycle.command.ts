/** Close a scheme's cycle for a past period (e.g. `2025`, `2025-Q4`) under its active version. */
export interface CloseCycleCommand {
  schemeId: string;
  period: string;
}

/** The close's id; `created` false when the same scheme version and period was already asked for. */
export interface CloseCycleResult {
  id: string;
  created: boolean;
}
