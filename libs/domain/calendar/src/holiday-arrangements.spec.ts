import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { HolidayArrangementsError, holidayArrangementsFile, loadHolidayArrangements, parseHolidayArrangements } from './holiday-arrangements';

const valid = { arrangements: [{ year: 2027, holidays: ['2027-01-01', '2027-02-06'], workdays: ['2027-02-20'] }] };

function problemsOf(json: unknown): { field: string; message: string }[] {
  try {
    parseHolidayArrangements(json);
  } catch (error) {
    if (error instanceof HolidayArrangementsError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the arrangements to be refused');
}

describe('parseHolidayArrangements', () => {
  it('accepts a well-formed arrangement', () => {
    expect(parseHolidayArrangements(valid)).toEqual(valid.arrangements);
  });

  it.each([
    ['a date that is not ISO', { year: 2027, holidays: ['2027-01-01', '2027-13-01'], workdays: [] }, 'arrangements.0.holidays.1', 'ISO date'],
    ['a date outside its year', { year: 2027, holidays: ['2026-12-31'], workdays: [] }, 'arrangements.0.holidays.0', 'not in 2027'],
    [
      'a day both holiday and workday',
      { year: 2027, holidays: ['2027-02-06'], workdays: ['2027-02-06'] },
      'arrangements.0.workdays.0',
      'also listed as a holiday',
    ],
    ['a make-up day on a weekday', { year: 2027, holidays: ['2027-02-06'], workdays: ['2027-02-17'] }, 'arrangements.0.workdays.0', 'weekday'],
    ['no holidays', { year: 2027, holidays: [], workdays: [] }, 'arrangements.0.holidays', 'days off'],
    ['an unknown field', { year: 2027, holidays: ['2027-01-01'], workdays: [], note: 'x' }, 'arrangements.0', ''],
  ])('refuses %s, naming the field', (_, arrangement, field, message) => {
    expect(problemsOf({ arrangements: [arrangement] })).toEqual([expect.objectContaining({ field, message: expect.stringContaining(message) })]);
  });

  it('refuses a year listed twice', () => {
    expect(problemsOf({ arrangements: [valid.arrangements[0], valid.arrangements[0]] })).toEqual([
      expect.objectContaining({ field: 'arrangements.1.year', message: expect.stringContaining('twice') }),
    ]);
  });

  it('refuses a file without the arrangements list', () => {
    expect(problemsOf([])).toEqual([expect.objectContaining({ field: '(file)' })]);
  });
});

describe('loadHolidayArrangements (HOLIDAY_ARRANGEMENTS_FILE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'holiday-arrangements-'));

  it('loads nothing when the variable is unset or empty', () => {
    expect(loadHolidayArrangements({})).toEqual([]);
    expect(loadHolidayArrangements({ HOLIDAY_ARRANGEMENTS_FILE: '' })).toEqual([]);
  });

  it('loads the file the variable names', () => {
    const file = join(dir, 'valid.json');
    writeFileSync(file, JSON.stringify(valid));
    expect(loadHolidayArrangements({ HOLIDAY_ARRANGEMENTS_FILE: file })).toEqual(valid.arrangements);
  });

  it('names the variable and the field when the file is invalid', () => {
    const file = join(dir, 'invalid.json');
    writeFileSync(file, JSON.stringify({ arrangements: [{ year: 2027, holidays: ['2027-1-1'], workdays: [] }] }));
    expect(() => loadHolidayArrangements({ HOLIDAY_ARRANGEMENTS_FILE: file })).toThrow(
      /HOLIDAY_ARRANGEMENTS_FILE=.*arrangements\.0\.holidays\.0: must be an ISO date/s,
    );
  });

  it('names the variable when the file is missing or not JSON', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ not json');
    expect(() => loadHolidayArrangements({ HOLIDAY_ARRANGEMENTS_FILE: file })).toThrow(HolidayArrangementsError);
    expect(() => loadHolidayArrangements({ HOLIDAY_ARRANGEMENTS_FILE: join(dir, 'absent.json') })).toThrow(/HOLIDAY_ARRANGEMENTS_FILE/);
  });
});

describe('holidayArrangementsFile (in a service environment schema)', () => {
  const env = z.object({ HOLIDAY_ARRANGEMENTS_FILE: holidayArrangementsFile });
  const dir = mkdtempSync(join(tmpdir(), 'holiday-arrangements-env-'));

  it('turns the variable into the loaded arrangements, none when unset', () => {
    const file = join(dir, 'valid.json');
    writeFileSync(file, JSON.stringify(valid));
    expect(env.parse({ HOLIDAY_ARRANGEMENTS_FILE: file }).HOLIDAY_ARRANGEMENTS_FILE).toEqual(valid.arrangements);
    expect(env.parse({}).HOLIDAY_ARRANGEMENTS_FILE).toEqual([]);
  });

  it('reports a bad file as an issue on the variable, naming the field', () => {
    const file = join(dir, 'both.json');
    writeFileSync(file, JSON.stringify({ arrangements: [{ year: 2027, holidays: ['2027-02-06'], workdays: ['2027-02-06'] }] }));
    const result = env.safeParse({ HOLIDAY_ARRANGEMENTS_FILE: file });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['HOLIDAY_ARRANGEMENTS_FILE'],
        message: expect.stringContaining('arrangements.0.workdays.0: 2027-02-06 is also listed as a holiday'),
      }),
    ]);
  });
});
