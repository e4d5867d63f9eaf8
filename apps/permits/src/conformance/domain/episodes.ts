import { createHash } from 'node:crypto';
import type { ActivePermitRoute } from './corridor-index';
import type { Judgement, ViolationKind } from './conformance';
import type { TrustedPosition } from './position';

/**
 * A violation episode: one vehicle violating in one way, from its first violating point until it has
 * been back in conformance for `closeAfterMs` or has not been seen for `gapMs`. One episode is one
 * violation (issue 18 item 8: "one per episode, not one per point").
 */
export interface Episode {
  episodeId: string;
  plate: string;
  plateColour: string;
  kind: ViolationKind;
  permitNo?: string;
  startedAt: number;
  lastViolationAt: number;
  lastSeenAt: number;
  /** When the vehicle came back into conformance; undefined while it still violates. */
  conformingSince?: number;
  /** The first violating point: where and how it was found. */
  first: { longitude: number; latitude: number; source: TrustedPosition['source'] };
  permit?: Pick<ActivePermitRoute, 'permitNo' | 'carrier' | 'issuedByRegion'>;
}

export interface EpisodeRules {
  /** Back in conformance this long → the episode ends. */
  closeAfterMs: number;
  /** No point for this long → the episode ends (a gap: the next violation is a new episode). */
  gapMs: number;
}

export const DEFAULT_EPISODE_RULES: EpisodeRules = { closeAfterMs: 10 * 60_000, gapMs: 30 * 60_000 };

export interface EpisodeStep {
  /** The vehicle's open episode after the point (undefined: none). */
  open?: Episode;
  /** Opened by this point: to be reported once. */
  opened?: Episode;
  /** Closed by this point (or by the gap before it). */
  closed?: Episode;
}

/**
 * Stable across restarts and re-deliveries: the same vehicle, kind, permit and first point give the
 * same id, so a re-detection of an episode whose state was lost is still one record downstream.
 */
export function episodeIdOf(plate: string, plateColour: string, kind: ViolationKind, permitNo: string | undefined, startedAt: number): string {
  const digest = createHash('sha256')
    .update(`${plate}|${plateColour}|${kind}|${permitNo ?? ''}|${startedAt}`)
    .digest('hex');
  return `rc-${digest.slice(0, 32)}`;
}

/**
 * Advances a vehicle's episode with one trusted point (points of a vehicle in time order; a point
 * older than the last seen is ignored, so a re-delivered batch changes nothing).
 */
export function advanceEpisode(
  open: Episode | undefined,
  position: TrustedPosition,
  judgement: Judgement,
  rules: EpisodeRules = DEFAULT_EPISODE_RULES,
): EpisodeStep {
  if (open && position.at <= open.lastSeenAt) return { open };
  let closed: Episode | undefined;
  let current = open;
  if (current && position.at - current.lastSeenAt > rules.gapMs) {
    closed = current;
    current = undefined;
  }
  if (judgement.kind === 'not-judged' || judgement.kind === 'conforming') {
    if (!current) return { closed };
    const conformingSince = current.conformingSince ?? position.at;
    if (position.at - conformingSince >= rules.closeAfterMs) return { closed: { ...current, lastSeenAt: position.at, conformingSince } };
    return { open: { ...current, lastSeenAt: position.at, conformingSince }, closed };
  }
  if (current && current.kind === judgement.kind) {
    return { open: { ...current, lastViolationAt: position.at, lastSeenAt: position.at, conformingSince: undefined }, closed };
  }
  // A different kind of violation ends the current episode and starts another.
  const opened = openEpisode(position, judgement.kind, judgement.permit);
  return { open: opened, opened, closed: current ?? closed };
}

function openEpisode(position: TrustedPosition, kind: ViolationKind, permit: ActivePermitRoute | undefined): Episode {
  return {
    episodeId: episodeIdOf(position.plate, position.plateColour, kind, permit?.permitNo, position.at),
    plate: position.plate,
    plateColour: position.plateColour,
    kind,
    permitNo: permit?.permitNo,
    startedAt: position.at,
    lastViolationAt: position.at,
    lastSeenAt: position.at,
    first: { longitude: position.longitude, latitude: position.latitude, source: position.source },
    permit: permit && { permitNo: permit.permitNo, carrier: permit.carrier, issuedByRegion: permit.issuedByRegion },
  };
}
