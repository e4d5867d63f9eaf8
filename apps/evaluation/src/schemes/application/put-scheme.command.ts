/** Upload a new version of a scheme (a JSON document), optionally publishing it. */
export interface PutSchemeCommand {
  id: string;
  documentJson: string;
  publish: boolean;
  /** 0 = no optimistic check. */
  basedOnVersion: number;
}

export interface PutSchemeResult {
  id: string;
  version: number;
  status: 'draft' | 'active';
  activeVersion: number;
}
