import type { ListEntry } from '../../lists/domain/list-entry';
import type { CarrierFleet } from '../domain/record-facts';

/** A licensing authority reports how many freight vehicles a carrier runs (ADR 0026). */
export interface ReportFleetSizeCommand {
  /** The carrier (org, USCC). */
  subjectId: string;
  vehicles: number;
  /** The day the count holds for (YYYY-MM-DD). */
  asOf: string;
  /** Where the count comes from. */
  source: string;
}

export interface FleetReport {
  /** The fleet held now: the reported one, or a later report kept instead. */
  fleet: CarrierFleet;
  /** False when a later report was already held (nothing changed). */
  stored: boolean;
  /** Entries the fleet-share rules proposed on it. */
  proposed: ListEntry[];
}
