/**
 * A vehicle position as JT/T 808 reports it (位置信息汇报, 0x0200) or an ETC gantry passage:
 * degrees WGS-84 ([longitude, latitude]), speed in km/h, time in Beijing time with its offset.
 * Points are checked before they are trusted: a flagged point never opens or closes an episode.
 */
export type PositionSource = 'gnss' | 'gantry';

export interface PositionReport {
  plate: string;
  plateColour: string;
  longitude: number;
  latitude: number;
  speedKmh: number;
  /** ISO 8601 with offset, e.g. 2026-12-06T08:00:00+08:00 (JT/T 808 BCD time is GMT+8). */
  recordedAt: string;
  source?: PositionSource;
  /** Gantry passages only: the gantry measured the vehicle as oversize (超限). */
  oversize?: boolean;
}

export type PositionFlag = 'invalid-time' | 'future-time' | 'impossible-speed' | 'outside-china';

export interface TrustedPosition {
  plate: string;
  plateColour: string;
  longitude: number;
  latitude: number;
  speedKmh: number;
  /** Epoch milliseconds. */
  at: number;
  source: PositionSource;
  oversize: boolean;
}

export type PositionCheck = { trusted: true; position: TrustedPosition } | { trusted: false; flags: PositionFlag[] };

export interface PositionLimits {
  /** Above this a report is not a truck's (JT/T 808 carries speed as 1/10 km/h; 62号令 trips are far slower). */
  maxSpeedKmh: number;
  /** Clock skew tolerated ahead of the receiving server's time. */
  maxFutureSkewMs: number;
}

export const DEFAULT_POSITION_LIMITS: PositionLimits = { maxSpeedKmh: 160, maxFutureSkewMs: 5 * 60_000 };

/**
 * China's extent (GB/T 2260 territory incl. the South China Sea islands), degrees: a point outside it is
 * a receiver fault or a spoofed fix. A box, not the border: the corridor check does the precise work.
 */
export const CHINA_EXTENT = { minLongitude: 73.4, maxLongitude: 135.1, minLatitude: 3.8, maxLatitude: 53.6 } as const;

/** ISO 8601 with an explicit offset (Z or ±hh:mm): a time without one is ambiguous and not trusted. */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseInstant(value: string): number | undefined {
  if (typeof value !== 'string' || !WITH_OFFSET.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isFinite(at) ? at : undefined;
}

export function insideChina(longitude: number, latitude: number): boolean {
  return (
    longitude >= CHINA_EXTENT.minLongitude &&
    longitude <= CHINA_EXTENT.maxLongitude &&
    latitude >= CHINA_EXTENT.minLatitude &&
    latitude <= CHINA_EXTENT.maxLatitude
  );
}

export function checkPosition(report: PositionReport, now: number, limits: PositionLimits = DEFAULT_POSITION_LIMITS): PositionCheck {
  const flags: PositionFlag[] = [];
  const at = parseInstant(report.recordedAt);
  if (at === undefined) flags.push('invalid-time');
  else if (at - now > limits.maxFutureSkewMs) flags.push('future-time');
  if (!(report.speedKmh >= 0 && report.speedKmh <= limits.maxSpeedKmh)) flags.push('impossible-speed');
  if (!insideChina(report.longitude, report.latitude)) flags.push('outside-china');
  if (flags.length > 0 || at === undefined) return { trusted: false, flags };
  return {
    trusted: true,
    position: {
      plate: report.plate,
      plateColour: report.plateColour,
      longitude: report.longitude,
      latitude: report.latitude,
      speedKmh: report.speedKmh,
      at,
      source: report.source ?? 'gnss',
      oversize: report.oversize === true,
    },
  };
}
