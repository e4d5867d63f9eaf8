export interface GetApplicationQuery {
  id: string;
}
