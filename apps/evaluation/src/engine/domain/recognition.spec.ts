import { parseRecognitionTable, recognise, recognitionReferenceProblems, recognitionTableProblems, SHIPPED_RECOGNITION_TABLES } from './recognition';
import { SHIPPED_SCHEMES } from './shipped-schemes';

describe('mutual recognition tables', () => {
  it.each(SHIPPED_RECOGNITION_TABLES.map((t) => [t.id, t] as const))('%s maps every partner grade once onto our ladder', (_id, table) => {
    expect(recognitionTableProblems(table)).toEqual([]);
  });

  it('reads a Wuxi B as a Suzhou B, citing the four cities’ agreement (seed 004)', () => {
    const table = SHIPPED_RECOGNITION_TABLES.find((t) => t.id === 'wuxi-to-suzhou-road-transport')!;
    expect(recognise(table, 'B')).toMatchObject({
      partnerRegion: '320200',
      ourSchemeId: 'suzhou-road-transport-safety',
      ourGrade: 'B',
      basis: [expect.stringContaining('苏锡常通')],
    });
    expect(recognise(table, 'E')).toBeUndefined();
  });

  it('maps across ladders: a Yangtze blue code counts as a Henan green', () => {
    const table = SHIPPED_RECOGNITION_TABLES.find((t) => t.id === 'yangtze-four-colour-to-henan-codes')!;
    expect(recognise(table, 'blue')?.ourGrade).toBe('green');
  });

  it('refuses a table that leaves a grade unmapped or maps one twice', () => {
    // The Yangtze four-colour ladder has green, blue, yellow, red (@domain/credit GRADE_LADDERS).
    const table = structuredClone(SHIPPED_RECOGNITION_TABLES.find((t) => t.id === 'yangtze-four-colour-to-henan-codes')!);
    table.mappings = [
      { partnerGrade: 'green', ourGrade: 'green' },
      { partnerGrade: 'green', ourGrade: 'yellow' },
      { partnerGrade: 'red', ourGrade: 'red' },
    ];
    expect(recognitionTableProblems(table).map((p) => [p.field, p.code])).toEqual([
      ['mappings[1].partnerGrade', 'DUPLICATE_MAPPING'],
      ['mappings', 'UNMAPPED_GRADE'],
      ['mappings', 'UNMAPPED_GRADE'],
    ]);
  });

  it.each(SHIPPED_RECOGNITION_TABLES.map((t) => [t.id, t] as const))('%s names a shipped scheme, on its ladder', (_id, table) => {
    expect(recognitionReferenceProblems(table, SHIPPED_SCHEMES)).toEqual([]);
  });

  it("refuses a table naming a scheme that is not shipped, a ladder other than the scheme's, or a ladder that does not exist", () => {
    const table = structuredClone(SHIPPED_RECOGNITION_TABLES.find((t) => t.id === 'wuxi-to-suzhou-road-transport')!);
    expect(recognitionReferenceProblems({ ...table, ours: { schemeId: 'suzhou-road-transport', ladder: 'AA-D' } }, SHIPPED_SCHEMES)).toEqual([
      expect.objectContaining({ field: 'ours.schemeId', code: 'UNKNOWN_SCHEME', message: expect.stringContaining('"suzhou-road-transport"') }),
    ]);
    // Suzhou's scheme grades on AA-D (shipped-schemes.ts); read on AAA-B our grades would be misread,
    // and C and D (mapped from Wuxi's C and D) are not on AAA-B (AAA, AA, A, B) at all.
    expect(
      recognitionReferenceProblems({ ...table, ours: { schemeId: 'suzhou-road-transport-safety', ladder: 'AAA-B' } }, SHIPPED_SCHEMES).map((p) => [
        p.field,
        p.code,
      ]),
    ).toEqual([
      ['ours.ladder', 'LADDER_MISMATCH'],
      ['mappings[3].ourGrade', 'UNKNOWN_GRADE'],
      ['mappings[4].ourGrade', 'UNKNOWN_GRADE'],
    ]);
    const unknownLadder = { ...table, partner: { ...table.partner, ladder: 'A-E' } } as unknown as typeof table;
    expect(recognitionReferenceProblems(unknownLadder, SHIPPED_SCHEMES)).toEqual([
      expect.objectContaining({ field: 'partner.ladder', code: 'UNKNOWN_LADDER' }),
    ]);
  });

  it("maps onto a scheme's own ladder (ADR 0050): Beijing's nine levels, checked against that scheme's grades", () => {
    // Beijing grades commuter-bus operators on its own ladder (shipped-schemes.ts, seed 004 四等九级);
    // a partner on AA-D read onto it: 'A' and 'B' are Beijing levels, 'AA+' is not.
    const table = structuredClone(SHIPPED_RECOGNITION_TABLES.find((t) => t.id === 'wuxi-to-suzhou-road-transport')!);
    table.ours = { schemeId: 'beijing-commuter-bus-grades', ladder: 'beijing-four-tiers-nine-levels' };
    table.mappings = [
      { partnerGrade: 'AA', ourGrade: 'AA' },
      { partnerGrade: 'A', ourGrade: 'A' },
      { partnerGrade: 'B', ourGrade: 'B' },
      { partnerGrade: 'C', ourGrade: 'B-' },
      { partnerGrade: 'D', ourGrade: 'C' },
    ];
    expect(recognitionReferenceProblems(table, SHIPPED_SCHEMES)).toEqual([]);
    table.mappings[0] = { partnerGrade: 'AA', ourGrade: 'AA+' };
    expect(recognitionReferenceProblems(table, SHIPPED_SCHEMES).map((p) => [p.field, p.code])).toEqual([['mappings[0].ourGrade', 'UNKNOWN_GRADE']]);
    // The own ladder's id names nothing for a partner: a partner's ladder is one of the shared ones.
    const partnerOwn = { ...table, partner: { ...table.partner, ladder: 'beijing-four-tiers-nine-levels' } } as unknown as typeof table;
    expect(recognitionReferenceProblems(partnerOwn, SHIPPED_SCHEMES)).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'partner.ladder', code: 'UNKNOWN_LADDER' })]),
    );
  });

  it('names every grade off its ladder and a partner region that is not a GB/T 2260 code', () => {
    // Seed 004: Suzhou, Wuxi, Changzhou and Nantong grade road transport on the same AA-D ladder
    // (AA, A, B, C, D in @domain/credit): "E" is on neither side; "AAA" is on AAA-B, not AA-D.
    const table = structuredClone(SHIPPED_RECOGNITION_TABLES.find((t) => t.id === 'wuxi-to-suzhou-road-transport')!);
    table.partner.region = '3202';
    table.mappings[1] = { partnerGrade: 'E', ourGrade: 'A' };
    table.mappings[2] = { partnerGrade: 'B', ourGrade: 'AAA' };
    expect(recognitionReferenceProblems(table, SHIPPED_SCHEMES).map((p) => [p.field, p.code])).toEqual([
      ['partner.region', 'INVALID_REGION'],
      ['mappings[1].partnerGrade', 'UNKNOWN_GRADE'],
      ['mappings[2].ourGrade', 'UNKNOWN_GRADE'],
    ]);
    expect(recognitionReferenceProblems(table, SHIPPED_SCHEMES)[2]!.message).toContain('"AAA"');
    // 990000: six digits, but 99 is no GB/T 2260 province.
    table.partner.region = '990000';
    expect(recognitionReferenceProblems(table, SHIPPED_SCHEMES)[0]).toMatchObject({ field: 'partner.region', code: 'INVALID_REGION' });
  });

  it('checks against the schemes it is given: a scheme in force is known, whatever the build ships', () => {
    const table = structuredClone(SHIPPED_RECOGNITION_TABLES.find((t) => t.id === 'wuxi-to-suzhou-road-transport')!);
    table.ours = { schemeId: 'wuxi-road-transport', ladder: 'AA-D' };
    expect(recognitionReferenceProblems(table, [{ id: 'wuxi-road-transport', ladder: { id: 'AA-D' } }])).toEqual([]);
    expect(recognitionReferenceProblems(table, [])).toEqual([expect.objectContaining({ field: 'ours.schemeId', code: 'UNKNOWN_SCHEME' })]);
  });

  it('reads the shape of an upload: a shipped table passes; a missing, mistyped or unknown member is named', () => {
    const table = structuredClone(SHIPPED_RECOGNITION_TABLES.find((t) => t.id === 'yangtze-four-colour-to-henan-codes')!);
    expect(parseRecognitionTable(JSON.parse(JSON.stringify(table)))).toMatchObject({ ok: true });
    const broken = {
      ...table,
      ours: { schemeId: 'henan-passenger-hazardous-codes' },
      mappings: [{ partnerGrade: 1, ourGrade: 'green' }],
      colour: 'x',
    } as unknown;
    const result = parseRecognitionTable(broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => [p.field, p.code])).toEqual([
      ['colour', 'UNKNOWN_MEMBER'],
      ['ours.ladder', 'REQUIRED'],
      ['mappings[0].partnerGrade', 'INVALID_TYPE'],
    ]);
    expect(parseRecognitionTable([])).toMatchObject({ ok: false, problems: [{ field: '', code: 'INVALID_TYPE' }] });
  });
});
