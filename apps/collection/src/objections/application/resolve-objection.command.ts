import type { Correction } from '../../records/domain/record-correction';
import type { ObjectionView } from './objection-view';

export interface ResolveObjectionCommand {
  objectionId: string;
  /** upheld | rejected */
  outcome: string;
  note: string;
  /** Fields to correct (upheld only); absent or all unset for none. */
  correction?: Correction;
}

export interface ResolveObjectionResult {
  objection: ObjectionView;
}
