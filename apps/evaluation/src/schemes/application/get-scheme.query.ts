import type { SchemeDocument } from '../../engine/domain/scheme-document';

/** One version of a scheme; `version` 0 = the active one. */
export interface GetSchemeQuery {
  id: string;
  version: number;
}

export interface SchemeVersionView {
  id: string;
  version: number;
  status: string;
  document: SchemeDocument;
  uploadedBy: string;
  uploadedAt: string;
  publishedAt: string;
  activeVersion: number;
}
