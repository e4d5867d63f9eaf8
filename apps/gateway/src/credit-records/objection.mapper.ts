import { collectionV1 } from '@contracts';

/**
 * An objection on REST: empty strings of the wire format become absent fields, so the resolution
 * (outcome, note, resolvedBy, resolvedAt) is there only once the objection is resolved.
 */
export interface ObjectionBody extends Omit<collectionV1.Objection, 'outcome' | 'note' | 'resolvedBy' | 'resolvedAt'> {
  outcome?: string;
  note?: string;
  resolvedBy?: string;
  resolvedAt?: string;
}

/** The REST shape of an objection: empty strings of the wire format become absent fields. */
export function toObjectionBody(objection: collectionV1.Objection | undefined): ObjectionBody {
  if (!objection) throw new Error('collection answered without an objection');
  const { outcome, note, resolvedBy, resolvedAt, ...open } = objection;
  return { ...open, ...(resolvedAt ? { outcome, note, resolvedBy, resolvedAt } : {}) };
}
