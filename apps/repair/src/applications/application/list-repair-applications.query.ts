export interface ListRepairApplicationsQuery {
  /** pending | approved | rejected; empty: all. */
  status: string;
}
