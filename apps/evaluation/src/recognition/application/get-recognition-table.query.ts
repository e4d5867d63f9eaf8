/** One version of a recognition table (0: the version in force). */
export interface GetRecognitionTableQuery {
  tableId: string;
  version: number;
}
