import { GRADE_LADDERS, GradeLadderId, isGradeLadderId } from '@domain/credit';
import type { SchemeProblem } from './compile-scheme';
import type { SchemeDocument } from './scheme-document';

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
  ours: { schemeId: string; ladder: GradeLadderId };
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

/** Every grade of the partner's ladder is mapped exactly once, onto a grade of ours. */
export function recognitionTableProblems(table: RecognitionTable): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  for (const [field, ladder] of [
    ['partner.ladder', table.partner.ladder],
    ['ours.ladder', table.ours.ladder],
  ] as const) {
    if (!isGradeLadderId(ladder)) problems.push({ field, code: 'UNKNOWN_LADDER', message: `"${ladder}" is not a grade ladder (@domain/credit GRADE_LADDERS)` });
  }
  if (problems.length > 0) return problems;
  const partnerGrades = GRADE_LADDERS[table.partner.ladder] as readonly string[];
  const ourGrades = GRADE_LADDERS[table.ours.ladder] as readonly string[];
  const seen = new Set<string>();
  table.mappings.forEach((mapping, i) => {
    if (!partnerGrades.includes(mapping.partnerGrade))
      problems.push({
        field: `mappings[${i}].partnerGrade`,
        code: 'UNKNOWN_GRADE',
        message: `"${mapping.partnerGrade}" is not on ladder ${table.partner.ladder}`,
      });
    if (!ourGrades.includes(mapping.ourGrade))
      problems.push({ field: `mappings[${i}].ourGrade`, code: 'UNKNOWN_GRADE', message: `"${mapping.ourGrade}" is not on ladder ${table.ours.ladder}` });
    if (seen.has(mapping.partnerGrade))
      problems.push({ field: `mappings[${i}].partnerGrade`, code: 'DUPLICATE_MAPPING', message: `"${mapping.partnerGrade}" is mapped twice` });
    seen.add(mapping.partnerGrade);
  });
  for (const grade of partnerGrades) {
    if (!seen.has(grade)) problems.push({ field: 'mappings', code: 'UNMAPPED_GRADE', message: `partner grade "${grade}" has no mapping` });
  }
  return problems;
}

/**
 * The table's references to our schemes (issue 16 item 2): `ours.schemeId` names a scheme of
 * `schemes`, and `ours.ladder` is that scheme's ladder (else our grades would be read on the wrong
 * scale). Checked at start against the shipped schemes.
 */
export function recognitionReferenceProblems(table: RecognitionTable, schemes: readonly Pick<SchemeDocument, 'id' | 'ladder'>[]): SchemeProblem[] {
  const scheme = schemes.find((s) => s.id === table.ours.schemeId);
  if (!scheme) return [{ field: 'ours.schemeId', code: 'UNKNOWN_SCHEME', message: `"${table.ours.schemeId}" is not a shipped evaluation scheme` }];
  if (scheme.ladder.id !== table.ours.ladder) {
    return [
      {
        field: 'ours.ladder',
        code: 'LADDER_MISMATCH',
        message: `"${table.ours.ladder}" is not the ladder of scheme ${scheme.id} (${scheme.ladder.id})`,
      },
    ];
  }
  return [];
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
    mappings: ['AA', 'A', 'B', 'C', 'D'].map((grade) => ({ partnerGrade: grade, ourGrade: grade })),
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
];
