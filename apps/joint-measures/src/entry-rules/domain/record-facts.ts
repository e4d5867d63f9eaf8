import type { StandingRecord } from './entry-rule';

/**
 * A carrier's fleet size, the denominator of the fleet-share rule: reported by its licensing
 * authority (ADR 0026) or counted from the subject registry's vehicles (ADR 0044).
 */
export interface CarrierFleet {
  subjectId: string;
  vehicles: number;
  asOf: string;
  source: string;
  reportedBy: string;
  /** Where the count comes from; a report overrides the registry's count. Absent: reported. */
  origin?: 'reported' | 'registry';
}

/**
 * Registry vehicle types that carry passengers: not counted in a carrier's fleet, which the law
 * counts in freight vehicles (本单位货运车辆总数, 交办公路〔2017〕8号).
 */
export const PASSENGER_VEHICLE_TYPES: readonly string[] = ['bus', 'coach', 'taxi'];

/** The registry's count of a carrier's active freight vehicles, and the day of its latest change. */
export interface RegistryFleetCount {
  vehicles: number;
  asOf: string;
}

/**
 * The fleet the fleet-share rule counts against (ADR 0044): a size reported by the licensing
 * authority wins over the registry's count and does not expire (a later report replaces it);
 * without one, the registry's active freight vehicles, if it lists any. Undefined: the rule
 * cannot hold (a share of an unknown fleet is never guessed).
 */
export function effectiveFleet(subjectId: string, reported: CarrierFleet | undefined, registry: RegistryFleetCount | undefined): CarrierFleet | undefined {
  if (reported) return { ...reported, origin: 'reported' };
  if (!registry || registry.vehicles <= 0) return undefined;
  return { subjectId, vehicles: registry.vehicles, asOf: registry.asOf, source: '主体库登记在册货运车辆', reportedBy: 'registry', origin: 'registry' };
}

/** A credit record as joint measures keeps it: what the entry rules count, with the subject's name and region. */
export interface RecordFacts extends StandingRecord {
  subjectName: string;
  region: string;
}
