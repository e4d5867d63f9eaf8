import type { ListWriteResult } from './list-writes';

/** A partner region's entry, recognised as decided there. */
export interface ImportPartnerEntryCommand {
  listType: string;
  /** kind: org | person | vehicle | vessel. */
  subject?: { kind: string; id: string; name: string };
  /** Empty: the partner's region. */
  region: string;
  /** Empty: the partner's name and the list. */
  grounds: string;
  provenance?: { partnerRegion: string; partnerName: string; sourceReference: string; decidedOn: string; documentNumber?: string };
  startsOn: string;
  /** Empty: until the partner withdraws it, at most the agreement's maximum term. */
  endsOn: string;
  /** What the agreement with the sender says (the gateway owns the agreements); absent: not applied. */
  recognition?: { outcome: string; agreement: string; reason: string; maxTermMonths: number };
  /** The partner's version of the entry (0 or absent: none); a higher one than held updates the entry (ADR 0087). */
  sourceVersion?: number;
}

/**
 * `replayed`: this partner entry had been imported before (nothing changed); `change` says what
 * happened: imported, replayed (the same or an older version), updated or restored by a newer one.
 */
export type ImportPartnerEntryResult = ListWriteResult & { change: 'imported' | 'replayed' | 'updated' | 'restored' };
