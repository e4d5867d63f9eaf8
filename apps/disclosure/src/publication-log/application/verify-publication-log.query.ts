import type { ChainCheck } from '../domain/hash-chain';

/** Check the whole chain (no parameters). */
export type VerifyPublicationLogQuery = Record<string, never>;

export interface PublicationLogCheckView extends ChainCheck {
  checkedAt: string;
}
