import type { CorridorIndex } from './corridor-index';
import { plateKey } from './corridor-index';
import { judge } from './conformance';
import { advanceEpisode, DEFAULT_EPISODE_RULES, type Episode, type EpisodeRules } from './episodes';
import { checkPosition, DEFAULT_POSITION_LIMITS, type PositionFlag, type PositionLimits, type PositionReport, type TrustedPosition } from './position';

export interface FlaggedPosition {
  /** Index of the report in the batch as received. */
  index: number;
  flags: PositionFlag[];
}

export interface BatchOutcome {
  accepted: number;
  flagged: FlaggedPosition[];
  /** Episodes opened by the batch: each is reported once. */
  opened: Episode[];
  /** Episodes that ended in the batch. */
  closed: Episode[];
  /** Every vehicle the batch touched → its open episode after the batch (null: none). */
  state: Map<string, Episode | null>;
}

export interface BatchSettings {
  limits: PositionLimits;
  rules: EpisodeRules;
}

export const DEFAULT_BATCH_SETTINGS: BatchSettings = { limits: DEFAULT_POSITION_LIMITS, rules: DEFAULT_EPISODE_RULES };

/**
 * Checks a batch of reports against the corridors, set-based: validate all, group by vehicle, order
 * each vehicle's points by time, advance each vehicle's episode once per point. `openEpisodes` is the
 * persisted state of the vehicles in the batch (key: plateKey); it is not mutated.
 */
export function conformBatch(
  index: CorridorIndex,
  reports: readonly PositionReport[],
  openEpisodes: ReadonlyMap<string, Episode>,
  now: number,
  settings: BatchSettings = DEFAULT_BATCH_SETTINGS,
): BatchOutcome {
  const flagged: FlaggedPosition[] = [];
  const byVehicle = new Map<string, TrustedPosition[]>();
  reports.forEach((report, i) => {
    const check = checkPosition(report, now, settings.limits);
    if (!check.trusted) {
      flagged.push({ index: i, flags: check.flags });
      return;
    }
    const key = plateKey(report.plate, report.plateColour);
    const points = byVehicle.get(key);
    if (points) points.push(check.position);
    else byVehicle.set(key, [check.position]);
  });
  const opened: Episode[] = [];
  const closed: Episode[] = [];
  const state = new Map<string, Episode | null>();
  for (const [key, points] of byVehicle) {
    points.sort((a, b) => a.at - b.at);
    let open = openEpisodes.get(key);
    for (const position of points) {
      const step = advanceEpisode(open, position, judge(index, position), settings.rules);
      if (step.opened) opened.push(step.opened);
      if (step.closed) closed.push(step.closed);
      open = step.open;
    }
    state.set(key, open ?? null);
  }
  return { accepted: reports.length - flagged.length, flagged, opened, closed, state };
}
