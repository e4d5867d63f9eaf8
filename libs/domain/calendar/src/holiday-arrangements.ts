import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dayOfWeek, isIsoDate, yearOf } from './iso-date';

/**
 * A year's published arrangement (国务院办公厅关于部分节假日安排的通知) loaded by ops as
 * configuration, for a year the packaged `chinese-days` does not know yet (docs/ops.md).
 */
export interface HolidayArrangement {
  readonly year: number;
  /** Every day off by the notice, weekends inside a holiday block included. */
  readonly holidays: readonly string[];
  /** Weekend days worked to make up for a holiday (调休). */
  readonly workdays: readonly string[];
}

/** The environment variable naming the JSON file of loaded arrangements. */
export const HOLIDAY_ARRANGEMENTS_FILE = 'HOLIDAY_ARRANGEMENTS_FILE';

/** The file (or a part of it) is not a valid set of arrangements; `problems` name each field. */
export class HolidayArrangementsError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly { field: string; message: string }[],
  ) {
    super(`Invalid holiday arrangements in ${source}:\n${problems.map((p) => `  - ${p.field}: ${p.message}`).join('\n')}`);
    this.name = 'HolidayArrangementsError';
  }
}

const isoDate = z.string().refine(isIsoDate, 'must be an ISO date YYYY-MM-DD');

const arrangementSchema = z
  .object({
    year: z.number().int().min(2000).max(2200),
    holidays: z.array(isoDate).min(1, 'must list the days off'),
    workdays: z.array(isoDate),
  })
  .strict()
  .superRefine((arrangement, ctx) => {
    const holidays = new Set(arrangement.holidays);
    for (const key of ['holidays', 'workdays'] as const) {
      arrangement[key].forEach((date, i) => {
        if (isIsoDate(date) && yearOf(date) !== arrangement.year) {
          ctx.addIssue({ code: 'custom', path: [key, i], message: `${date} is not in ${arrangement.year}` });
        }
      });
    }
    arrangement.workdays.forEach((date, i) => {
      if (holidays.has(date)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${date} is also listed as a holiday` });
      else if (isIsoDate(date) && dayOfWeek(date) % 6 !== 0) {
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${date} is a weekday; a make-up working day is a Saturday or Sunday` });
      }
    });
  });

const fileSchema = z
  .object({ arrangements: z.array(arrangementSchema) })
  .strict()
  .superRefine(({ arrangements }, ctx) => {
    const seen = new Set<number>();
    arrangements.forEach(({ year }, i) => {
      if (seen.has(year)) ctx.addIssue({ code: 'custom', path: ['arrangements', i, 'year'], message: `${year} is listed twice` });
      seen.add(year);
    });
  });

/**
 * Validates `{ "arrangements": [{ "year", "holidays": [...], "workdays": [...] }] }`.
 * @throws HolidayArrangementsError naming every invalid field
 */
export function parseHolidayArrangements(json: unknown, source = 'holiday arrangements'): HolidayArrangement[] {
  const result = fileSchema.safeParse(json);
  if (result.success) return result.data.arrangements;
  throw new HolidayArrangementsError(
    source,
    result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(file)', message: issue.message })),
  );
}

/**
 * The arrangements in the file named by `HOLIDAY_ARRANGEMENTS_FILE`, or none when it is unset.
 * Call at boot: an unreadable or invalid file stops the service with the field named.
 */
export function loadHolidayArrangements(env: NodeJS.ProcessEnv = process.env): HolidayArrangement[] {
  return readHolidayArrangementsFile(env[HOLIDAY_ARRANGEMENTS_FILE]);
}

function readHolidayArrangementsFile(path: string | undefined): HolidayArrangement[] {
  if (path === undefined || path === '') return [];
  const source = `${HOLIDAY_ARRANGEMENTS_FILE}=${path}`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new HolidayArrangementsError(source, [{ field: '(file)', message: (error as Error).message }]);
  }
  return parseHolidayArrangements(json, source);
}

/**
 * For a service's environment schema (`HOLIDAY_ARRANGEMENTS_FILE: holidayArrangementsFile`): the
 * variable's value becomes the loaded arrangements, and a bad file is a configuration error naming
 * the variable and the field, so the service stops at boot like for any other bad variable.
 */
export const holidayArrangementsFile = z
  .string()
  .optional()
  .transform((path, ctx): HolidayArrangement[] => {
    try {
      return readHolidayArrangementsFile(path);
    } catch (error) {
      if (!(error instanceof HolidayArrangementsError)) throw error;
      ctx.addIssue({ code: 'custom', message: `${path}: ${error.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}` });
      return z.NEVER;
    }
  });
