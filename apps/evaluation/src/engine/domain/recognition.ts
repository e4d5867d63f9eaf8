import { GRADE_LADDERS, GradeLadderId, isGradeLadderId } from '@domain/credit';
import { parseRegionCode } from '@domain/identifiers';
import type { SchemeProblem } from './compile-scheme';

/**
 * Mutual recognition (信用等级互认, issue 4 item 8): how a partner's grade reads on our ladder,
 * as data. Used when the exchange imports a partner's grade: the imported grade is stored as the
 * partner gave it, and the table says what it counts as here, citing its basis.
 */
export interface RecognitionTable {
  id: string;
  name: { zh: string; en: string };
  sources: string[];
  partner: { region: string; ladder: GradeLadderId; scheme: string };
  /** Our scheme and its ladder: a shared id, or the id of the scheme's own ladder (ADR 0050). */
  ours: { schemeId: string; ladder: string };
  mappings: { partnerGrade: string; ourGrade: string }[];
  notes?: string[];
}

export interface Recognition {
  tableId: string;
  partnerRegion: string;
  partnerGrade: string;
  ourSchemeId: string;
  ourGrade: string;
  basis: string[];
}

/**
 * The shape of an uploaded table (400 when wrong): every member of RecognitionTable present with
 * its type, nothing else. References are not looked at here (recognitionReferenceProblems).
 */
export function parseRecognitionTable(input: unknown): { ok: true; table: RecognitionTable } | { ok: false; problems: SchemeProblem[] } {
  const problems: SchemeProblem[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0 && v.length <= 2000;
  const object = (value: unknown, field: string, members: Record<string, 'text' | 'texts' | 'object' | 'array'>, optional: string[] = []) => {
    if (!isObject(value)) {
      problems.push({ field, code: 'INVALID_TYPE', message: 'must be an object' });
      return undefined;
    }
    const at = (key: string) => (field ? `${field}.${key}` : key);
    for (const key of Object.keys(value))
      if (!(key in members)) problems.push({ field: at(key), code: 'UNKNOWN_MEMBER', message: 'is not a member of a recognition table' });
    for (const [key, type] of Object.entries(members)) {
      const v = value[key];
      if (v === undefined) {
        if (!optional.includes(key)) problems.push({ field: at(key), code: 'REQUIRED', message: 'is required' });
        continue;
      }
      const ok =
        type === 'text'
          ? text(v)
          : type === 'texts'
            ? Array.isArray(v) && v.every(text)
            : type === 'object'
              ? isObject(v)
              : Array.isArray(v) && v.length <= 100;
      if (!ok)
        problems.push({
          field: at(key),
          code: 'INVALID_TYPE',
          message: `must be ${type === 'text' ? 'a non-empty string' : type === 'texts' ? 'an array of non-empty strings' : type === 'object' ? 'an object' : 'an array (at most 100)'}`,
        });
    }
    return value;
  };
  const root = object(input, '', { id: 'text', name: 'object', sources: 'texts', partner: 'object', ours: 'object', mappings: 'array', notes: 'texts' }, [
    'notes',
  ]);
  if (root) {
    if (typeof root.id === 'string' && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(root.id))
      problems.push({ field: 'id', code: 'INVALID_ID', message: 'must be lower-case words joined by "-"' });
    if (isObject(root.name)) object(root.name, 'name', { zh: 'text', en: 'text' });
    if (isObject(root.partner)) object(root.partner, 'partner', { region: 'text', ladder: 'text', scheme: 'text' });
    if (isObject(root.ours)) object(root.ours, 'ours', { schemeId: 'text', ladder: 'text' });
    if (Array.isArray(root.mappings)) root.mappings.forEach((m, i) => object(m, `mappings[${i}]`, { partnerGrade: 'text', ourGrade: 'text' }));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, table: input as RecognitionTable };
}

/**
 * Completeness, once the references hold (recognitionReferenceProblems): every grade of the
 * partner's ladder is mapped exactly once. With an unknown ladder there is nothing to compare, so
 * nothing is reported here (the reference check names the ladder).
 */
export function recognitionTableProblems(table: RecognitionTable): SchemeProblem[] {
  if (!isGradeLadderId(table.partner.ladder)) return [];
  const partnerGrades = GRADE_LADDERS[table.partner.ladder] as readonly string[];
  const problems: SchemeProblem[] = [];
  const seen = new Set<string>();
  table.mappings.forEach((mapping, i) => {
    if (seen.has(mapping.partnerGrade))
      problems.push({ field: `mappings[${i}].partnerGrade`, code: 'DUPLICATE_MAPPING', message: `"${mapping.partnerGrade}" is mapped twice` });
    seen.add(mapping.partnerGrade);
  });
  for (const grade of partnerGrades) {
    if (!seen.has(grade)) problems.push({ field: 'mappings', code: 'UNMAPPED_GRADE', message: `partner grade "${grade}" has no mapping` });
  }
  return problems;
}

/** A scheme as the reference check needs it: its id and its ladder (own `grades` when it declares them, ADR 0050). */
export type SchemeLadderRef = { id: string; ladder: { id: string; grades?: readonly string[] } };

/**
 * Every cross-reference of a table (issue 16 item 2), each named with its path: the partner
 * region is a GB/T 2260 code, both ladders exist (@domain/credit GRADE_LADDERS), `ours.schemeId`
 * names a scheme of `schemes` and `ours.ladder` is that scheme's ladder (else our grades would be
 * read on the wrong scale), and every grade of the mapping is on its side's ladder. The one check
 * for the shipped tables at start (against the shipped schemes) and an upload (against the
 * schemes in force).
 */
export function recognitionReferenceProblems(table: RecognitionTable, schemes: readonly SchemeLadderRef[]): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const region = parseRegionCode(table.partner.region);
  if (!region.ok) problems.push({ field: 'partner.region', code: 'INVALID_REGION', message: `"${table.partner.region}": ${region.message}` });
  const scheme = schemes.find((s) => s.id === table.ours.schemeId);
  const ladders: Record<'partner' | 'ours', readonly string[] | undefined> = { partner: undefined, ours: undefined };
  for (const side of ['partner', 'ours'] as const) {
    const ladder = table[side].ladder;
    // Our side may name the scheme's own ladder; a partner's ladder is one of the shared ones.
    const own = side === 'ours' && scheme?.ladder.id === ladder ? scheme.ladder.grades : undefined;
    if (own) ladders[side] = own;
    else if (isGradeLadderId(ladder)) ladders[side] = GRADE_LADDERS[ladder] as readonly string[];
    else
      problems.push({
        field: `${side}.ladder`,
        code: 'UNKNOWN_LADDER',
        message: `"${ladder}" is not a grade ladder (@domain/credit GRADE_LADDERS, or our scheme's own)`,
      });
  }
  if (!scheme) {
    problems.push({ field: 'ours.schemeId', code: 'UNKNOWN_SCHEME', message: `"${table.ours.schemeId}" is not an evaluation scheme in force` });
  } else if (ladders.ours && scheme.ladder.id !== table.ours.ladder) {
    problems.push({
      field: 'ours.ladder',
      code: 'LADDER_MISMATCH',
      message: `"${table.ours.ladder}" is not the ladder of scheme ${scheme.id} (${scheme.ladder.id})`,
    });
  }
  table.mappings.forEach((mapping, i) => {
    if (ladders.partner && !ladders.partner.includes(mapping.partnerGrade))
      problems.push({
        field: `mappings[${i}].partnerGrade`,
        code: 'UNKNOWN_GRADE',
        message: `"${mapping.partnerGrade}" is not on ladder ${table.partner.ladder}`,
      });
    if (ladders.ours && !ladders.ours.includes(mapping.ourGrade))
      problems.push({ field: `mappings[${i}].ourGrade`, code: 'UNKNOWN_GRADE', message: `"${mapping.ourGrade}" is not on ladder ${table.ours.ladder}` });
  });
  return problems;
}

export function recognise(table: RecognitionTable, partnerGrade: string): Recognition | undefined {
  const mapping = table.mappings.find((m) => m.partnerGrade === partnerGrade);
  if (!mapping) return undefined;
  return {
    tableId: table.id,
    partnerRegion: table.partner.region,
    partnerGrade,
    ourSchemeId: table.ours.schemeId,
    ourGrade: mapping.ourGrade,
    basis: table.sources,
  };
}

/** Suzhou, Wuxi, Changzhou and Nantong share last year's grades every April and recognise each other's (seed 004). */
const SU_XI_CHANG_TONG_SOURCE =
  'seed 004 苏锡常通：四市建立了道路水路运输经营者和从业人员信用等级评定结果数据共享互认机制，每年4月将上一年度信用等级评定结果数据实施共享';

function sameLadder(id: string, city: { region: string; zh: string; en: string }): RecognitionTable {
  return {
    id,
    name: { zh: `${city.zh}道路运输企业信用等级 → 苏州`, en: `${city.en} road transport grades → Suzhou` },
    sources: [SU_XI_CHANG_TONG_SOURCE],
    partner: { region: city.region, ladder: 'AA-D', scheme: `${city.zh}道路运输经营者信用等级` },
    ours: { schemeId: 'suzhou-road-transport-safety', ladder: 'AA-D' },
    // Suzhou grades A–D (seed 004 苏州): a partner's AA, above its A, reads as Suzhou's best grade, A (LOCAL choice).
    mappings: ['AA', 'A', 'B', 'C', 'D'].map((grade) => ({ partnerGrade: grade, ourGrade: grade === 'AA' ? 'A' : grade })),
    notes: ['LOCAL choice of this table: Suzhou grades A, B, C, D (seed 004), so a partner AA counts as A; the other grades read as themselves.'],
  };
}

export const SHIPPED_RECOGNITION_TABLES: readonly RecognitionTable[] = [
  sameLadder('wuxi-to-suzhou-road-transport', { region: '320200', zh: '无锡市', en: 'Wuxi' }),
  sameLadder('changzhou-to-suzhou-road-transport', { region: '320400', zh: '常州市', en: 'Changzhou' }),
  sameLadder('nantong-to-suzhou-road-transport', { region: '320600', zh: '南通市', en: 'Nantong' }),
  {
    id: 'yangtze-four-colour-to-henan-codes',
    name: { zh: '信用长江“绿蓝黄红”码 → 河南“红黄绿”码', en: 'Yangtze four-colour codes → Henan red/yellow/green' },
    sources: ['seed 004 信用长江：通过加减分确定主体的信用等级并实施“绿蓝黄红”赋码管理', 'seed 002 案例1：河南“两客一危”企业“红、黄、绿”三色安全信用画像'],
    partner: { region: '420000', ladder: 'four-colour', scheme: '长江航运信用管理与服务系统“四色信用码”' },
    ours: { schemeId: 'henan-passenger-hazardous-codes', ladder: 'traffic-light' },
    mappings: [
      { partnerGrade: 'green', ourGrade: 'green' },
      { partnerGrade: 'blue', ourGrade: 'green' },
      { partnerGrade: 'yellow', ourGrade: 'yellow' },
      { partnerGrade: 'red', ourGrade: 'red' },
    ],
    notes: ['LOCAL choice of this table: blue (the second of four colours) counts as green; the sources publish both ladders but no mapping between them.'],
  },
  {
    id: 'henan-codes-to-yangtze-four-colour',
    name: { zh: '河南“红黄绿”码 → 信用长江“绿蓝黄红”码', en: 'Henan red/yellow/green → Yangtze four-colour codes' },
    sources: ['seed 002 案例1：河南“两客一危”企业“红、黄、绿”三色安全信用画像', 'seed 004 信用长江：通过加减分确定主体的信用等级并实施“绿蓝黄红”赋码管理'],
    partner: { region: '410000', ladder: 'traffic-light', scheme: '河南省“两客一危”经营者安全生产信用“红黄绿”码' },
    ours: { schemeId: 'yangtze-shipping-four-colour', ladder: 'four-colour' },
    mappings: [
      { partnerGrade: 'green', ourGrade: 'green' },
      { partnerGrade: 'yellow', ourGrade: 'yellow' },
      { partnerGrade: 'red', ourGrade: 'red' },
    ],
    notes: [
      'LOCAL choice of this table (the reverse of yangtze-four-colour-to-henan-codes, for Hubei reading Henan’s grades from its change feed, ADR 0085): each colour counts as the same colour; no Henan code reads as blue.',
    ],
  },
];
