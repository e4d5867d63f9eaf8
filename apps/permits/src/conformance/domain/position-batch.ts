import type { FieldViolation } from '@platform/errors';
import type { PositionReport } from './position';

/** A batch of reports from one monitoring unit (the authority that runs the platform reporting them). */
export interface PositionBatch {
  foundBy: { name: string; uscc: string };
  reports: PositionReport[];
}

export const ConformanceErrorCode = { InvalidBatch: 'POSITIONS_INVALID', TooManyPositions: 'POSITIONS_TOO_MANY' } as const;

export type ParsedBatch = { ok: true; batch: PositionBatch } | { ok: false; code: string; violations: FieldViolation[] };

const TEXT = (value: unknown, max: number): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= max;
const NUMBER = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Checks the shape of a batch (malformed input is refused whole, naming each field and index);
 * plausibility (speed, time, place) is not checked here: such points are flagged, not refused.
 */
export function parsePositionBatch(body: unknown, maxPositions: number): ParsedBatch {
  const violations: FieldViolation[] = [];
  const input = (body ?? {}) as { foundBy?: { name?: unknown; uscc?: unknown }; reports?: unknown };
  if (!TEXT(input.foundBy?.name, 100)) violations.push({ field: 'foundBy.name', message: 'the monitoring unit, 1–100 characters', code: 'REQUIRED' });
  if (!TEXT(input.foundBy?.uscc, 18)) violations.push({ field: 'foundBy.uscc', message: "the monitoring unit's USCC", code: 'REQUIRED' });
  if (!Array.isArray(input.reports) || input.reports.length === 0) {
    violations.push({ field: 'reports', message: 'a non-empty array of positions', code: 'REQUIRED' });
    return { ok: false, code: ConformanceErrorCode.InvalidBatch, violations };
  }
  if (input.reports.length > maxPositions) {
    return {
      ok: false,
      code: ConformanceErrorCode.TooManyPositions,
      violations: [{ field: 'reports', message: `at most ${maxPositions} positions per batch`, code: 'TOO_MANY' }],
    };
  }
  input.reports.forEach((report: unknown, i) => violations.push(...reportViolations(report, `reports[${i}]`)));
  if (violations.length > 0) return { ok: false, code: ConformanceErrorCode.InvalidBatch, violations };
  return {
    ok: true,
    batch: { foundBy: { name: String(input.foundBy!.name).trim(), uscc: String(input.foundBy!.uscc).trim() }, reports: input.reports as PositionReport[] },
  };
}

function reportViolations(value: unknown, at: string): FieldViolation[] {
  if (!value || typeof value !== 'object') return [{ field: at, message: 'must be an object', code: 'INVALID' }];
  const r = value as Record<string, unknown>;
  const violations: FieldViolation[] = [];
  if (!TEXT(r.plate, 16)) violations.push({ field: `${at}.plate`, message: 'the plate, 1–16 characters', code: 'REQUIRED' });
  if (!TEXT(r.plateColour, 16)) violations.push({ field: `${at}.plateColour`, message: 'the plate colour', code: 'REQUIRED' });
  for (const field of ['longitude', 'latitude', 'speedKmh'] as const) {
    if (!NUMBER(r[field])) violations.push({ field: `${at}.${field}`, message: 'must be a number', code: 'INVALID_NUMBER' });
  }
  if (typeof r.recordedAt !== 'string') violations.push({ field: `${at}.recordedAt`, message: 'ISO 8601 with offset (Beijing time +08:00)', code: 'REQUIRED' });
  if (r.source !== undefined && r.source !== 'gnss' && r.source !== 'gantry') {
    violations.push({ field: `${at}.source`, message: 'gnss or gantry', code: 'INVALID_SOURCE' });
  }
  if (r.oversize !== undefined && typeof r.oversize !== 'boolean') violations.push({ field: `${at}.oversize`, message: 'must be a boolean', code: 'INVALID' });
  return violations;
}
