export interface GetPermitQuery {
  permitNo: string;
}
