import type { WorkingDayCalendar } from '@domain/calendar';
import { rate } from '../../violation-claims/domain/violation-claim';

/** Records received in the month, grouped by what decides timeliness. */
export interface ReceiptGroup {
  sourceClientId: string;
  recordType: string;
  decisionDate: string;
  receivedOn: string;
  n: number;
}

export interface UnitCounts {
  sourceClientId: string;
  received: number;
  timelinessDue: number;
  onTime: number;
  late: number;
  onTimeRate: number;
  rejected: number;
  duplicates: number;
  objectionsOpened: number;
  objectionsOpen: number;
  objectionsOverdue: number;
  monitoringViolations: number;
  claimed: number;
  disposed: number;
  claimRate: number;
  disposalRate: number;
}

export type UnitFacts = Partial<
  Omit<UnitCounts, 'sourceClientId' | 'received' | 'timelinessDue' | 'onTime' | 'late' | 'onTimeRate' | 'claimRate' | 'disposalRate'>
>;

/**
 * 双公示 timeliness: a licence or penalty is on time when it reached the platform within the
 * type's deadline in working days after its decision date (law: 7; the decision day itself is not
 * counted). Types without a deadline count as received only.
 */
export function timelinessByUnit(
  groups: readonly ReceiptGroup[],
  deadlineOf: (recordType: string) => number | null,
  calendar: WorkingDayCalendar,
): Map<string, Pick<UnitCounts, 'received' | 'timelinessDue' | 'onTime' | 'late'>> {
  const units = new Map<string, Pick<UnitCounts, 'received' | 'timelinessDue' | 'onTime' | 'late'>>();
  for (const g of groups) {
    const unit = units.get(g.sourceClientId) ?? { received: 0, timelinessDue: 0, onTime: 0, late: 0 };
    unit.received += g.n;
    const deadline = deadlineOf(g.recordType);
    if (deadline !== null) {
      unit.timelinessDue += g.n;
      if (calendar.workingDaysBetween(g.decisionDate, g.receivedOn) <= deadline) unit.onTime += g.n;
      else unit.late += g.n;
    }
    units.set(g.sourceClientId, unit);
  }
  return units;
}

/** One row per unit that appears in any of the sources, sorted by unit. */
export function assembleReport(timeliness: ReturnType<typeof timelinessByUnit>, facts: ReadonlyMap<string, UnitFacts>): UnitCounts[] {
  const ids = [...new Set([...timeliness.keys(), ...facts.keys()])].sort();
  return ids.map((sourceClientId) => {
    const t = timeliness.get(sourceClientId) ?? { received: 0, timelinessDue: 0, onTime: 0, late: 0 };
    const f = facts.get(sourceClientId) ?? {};
    const monitoringViolations = f.monitoringViolations ?? 0;
    const claimed = f.claimed ?? 0;
    const disposed = f.disposed ?? 0;
    return {
      sourceClientId,
      ...t,
      onTimeRate: rate(t.onTime, t.timelinessDue),
      rejected: f.rejected ?? 0,
      duplicates: f.duplicates ?? 0,
      objectionsOpened: f.objectionsOpened ?? 0,
      objectionsOpen: f.objectionsOpen ?? 0,
      objectionsOverdue: f.objectionsOverdue ?? 0,
      monitoringViolations,
      claimed,
      disposed,
      claimRate: rate(claimed, monitoringViolations),
      disposalRate: rate(disposed, monitoringViolations),
    };
  });
}

/** The instants bounding a month in China time, and the month itself validated. */
export function monthBounds(month: string): { start: string; end: string } | undefined {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return undefined;
  const year = Number(m[1]);
  const next = Number(m[2]) === 12 ? `${year + 1}-01` : `${year}-${String(Number(m[2]) + 1).padStart(2, '0')}`;
  return { start: `${month}-01T00:00:00+08:00`, end: `${next}-01T00:00:00+08:00` };
}
