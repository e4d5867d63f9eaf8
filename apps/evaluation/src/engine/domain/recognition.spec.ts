import { recognise, recognitionReferenceProblems, recognitionTableProblems, SHIPPED_RECOGNITION_TABLES } from './recognition';
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

  it('refuses a table that leaves a grade unmapped, maps one twice, or maps onto a grade we do not have', () => {
    const table = structuredClone(SHIPPED_RECOGNITION_TABLES.find((t) => t.id === 'yangtze-four-colour-to-henan-codes')!);
    table.mappings = [
      { partnerGrade: 'green', ourGrade: 'green' },
      { partnerGrade: 'green', ourGrade: 'yellow' },
      { partnerGrade: 'red', ourGrade: 'black' },
    ];
    expect(recognitionTableProblems(table).map((p) => [p.field, p.code])).toEqual([
      ['mappings[1].partnerGrade', 'DUPLICATE_MAPPING'],
      ['mappings[2].ourGrade', 'UNKNOWN_GRADE'],
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
    // Suzhou's scheme grades on AA-D (shipped-schemes.ts); read on AAA-B our grades would be misread.
    expect(recognitionReferenceProblems({ ...table, ours: { schemeId: 'suzhou-road-transport-safety', ladder: 'AAA-B' } }, SHIPPED_SCHEMES)).toEqual([
      expect.objectContaining({ field: 'ours.ladder', code: 'LADDER_MISMATCH' }),
    ]);
    const unknownLadder = { ...table, partner: { ...table.partner, ladder: 'A-E' } } as unknown as typeof table;
    expect(recognitionTableProblems(unknownLadder)).toEqual([expect.objectContaining({ field: 'partner.ladder', code: 'UNKNOWN_LADDER' })]);
  });
});
