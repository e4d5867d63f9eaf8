import type { ActivePermitRoute, CorridorIndex } from './corridor-index';
import type { TrustedPosition } from './position';

export type ViolationKind = 'off-route' | 'wrong-time' | 'no-permit';

/** A point's judgement: conforming, a violation of some kind, or not judged (no permit concerns it). */
export type Judgement = { kind: 'conforming'; permit: ActivePermitRoute } | { kind: ViolationKind; permit?: ActivePermitRoute } | { kind: 'not-judged' };

/**
 * DOMAIN.md §7 (en route: "GPS tracks, toll weighing and ETC gantry passages are compared with the
 * permitted route and time; off-route, unpermitted … → violation"):
 * - a permit in its window whose corridor holds the point → conforming;
 * - a permit in its window, the point outside every such corridor → off-route;
 * - no permit in its window, the point inside a permit's corridor → wrong-time (travelling the
 *   permitted route outside the window);
 * - no permit in its window, a gantry measured the vehicle oversize → no-permit;
 * - otherwise not judged: a permit covers its trip only; the vehicle may run unloaded elsewhere.
 */
export function judge(index: CorridorIndex, position: TrustedPosition): Judgement {
  const permits = index.permitsOf(position.plate, position.plateColour);
  const inWindow = permits.filter((permit) => position.at >= permit.validFrom && position.at <= permit.validUntil);
  for (const permit of inWindow) {
    if (index.insideCorridor(permit, position.longitude, position.latitude)) return { kind: 'conforming', permit };
  }
  if (inWindow.length > 0) return { kind: 'off-route', permit: inWindow[0] };
  const onRoute = permits.find((permit) => index.insideCorridor(permit, position.longitude, position.latitude));
  if (onRoute) return { kind: 'wrong-time', permit: onRoute };
  if (position.source === 'gantry' && position.oversize) return { kind: 'no-permit' };
  return { kind: 'not-judged' };
}
