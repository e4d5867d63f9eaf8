/** Upload a new version of a recognition table (a JSON document), in force at once. */
export interface PutRecognitionTableCommand {
  id: string;
  documentJson: string;
  /** 0 = no optimistic check. */
  basedOnVersion: number;
}
