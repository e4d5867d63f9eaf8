import { collectionV1 } from '@contracts';
import { JsonObject, parseJson } from '../json';

/** A registration as REST answers it: its fields, then revision, source and time of the last change. A driver's citizen ID is masked by collection. */
export type RegistrationBody = JsonObject & { revision: number; source: string; changedAt: string };

export interface PutRegistrationBody {
  registration: RegistrationBody;
  /** created | updated | unchanged (same content: no new revision, no event). */
  outcome: string;
}

export interface CarrierSubjectsBody {
  items: RegistrationBody[];
  /** null on the last page. */
  nextCursor: string | null;
}

export function toRegistrationBody(registration: collectionV1.Registration | undefined): RegistrationBody {
  if (!registration) throw new Error('collection answered without a registration');
  return {
    ...(parseJson(registration.registrationJson) as JsonObject),
    revision: registration.revision,
    source: registration.source,
    changedAt: registration.changedAt,
  };
}

export function toCarrierSubjectsBody(result: collectionV1.ListCarrierSubjectsResponse): CarrierSubjectsBody {
  return { items: result.items.map(toRegistrationBody), nextCursor: result.nextCursor || null };
}
