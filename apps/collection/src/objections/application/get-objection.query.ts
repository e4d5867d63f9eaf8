import type { ObjectionView } from './objection-view';

export interface GetObjectionQuery {
  objectionId: string;
}

export interface GetObjectionResult {
  objection: ObjectionView;
}
