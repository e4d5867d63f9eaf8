/** What the public typed: a USCC (any case or width) or part of an enterprise's name. */
export interface SearchSubjectsQuery {
  q: string;
}

export interface SubjectSearchResult {
  uscc: string;
  name: string;
  region: string;
  /** Items shown right now (inside their publicity window, not withdrawn). */
  publishedItems: number;
}

export interface SearchSubjectsView {
  subjects: SubjectSearchResult[];
  /** More matched than are returned. */
  truncated: boolean;
}
