import { gradeRecognitionOf, recognitionAgreementsSchema, recognitionOf, registeredRegionOf, type RecognitionAgreement } from './recognition-agreement';
import { SHIPPED_AGREEMENTS } from './shipped-agreements';

// USCC positions 3–8 are the registering region (GB 32100, DOMAIN.md §1); the check character does not matter here.
const hubeiCarrier = { kind: 'org', id: '914201001234567890' };
const henanCarrier = { kind: 'org', id: '914101001234567890' };

describe('recognition agreements (issue 20 item 1, ADR 0067)', () => {
  it('reads the registering region from the identifier: USCC 3–8, citizen ID 1–6, plate province (GA 36)', () => {
    expect(registeredRegionOf(hubeiCarrier)).toBe('420100');
    expect(registeredRegionOf({ kind: 'person', id: '420102199001011234' })).toBe('420102');
    expect(registeredRegionOf({ kind: 'vehicle', id: '鄂A12345:yellow' })).toBe('420000');
    expect(registeredRegionOf({ kind: 'vessel', id: 'CN20150001' })).toBeNull();
  });

  it('applies a Hubei key-watch entry about a Hubei carrier, with the agreement maximum term', () => {
    expect(recognitionOf(SHIPPED_AGREEMENTS, '420000', { listType: 'key-watch', subject: hubeiCarrier })).toMatchObject({
      outcome: 'applied',
      agreement: 'hubei-demo',
      maxTermMonths: 24,
    });
  });

  it('never applies what Hubei says about a Henan company: the agreement covers only subjects registered in Hubei (the found defect)', () => {
    const r = recognitionOf(SHIPPED_AGREEMENTS, '420000', { listType: 'key-watch', subject: henanCarrier });
    expect(r).toMatchObject({ outcome: 'not-applied', agreement: 'hubei-demo' });
    expect(r.reason).toMatch(/registered in 420000/);
  });

  it('stores a list the agreement does not name, or receives for information only, as not applied', () => {
    expect(recognitionOf(SHIPPED_AGREEMENTS, '420000', { listType: 'bad-driver', subject: hubeiCarrier }).outcome).toBe('not-applied');
    expect(recognitionOf(SHIPPED_AGREEMENTS, '420000', { listType: 'red', subject: hubeiCarrier })).toMatchObject({
      outcome: 'not-applied',
      maxTermMonths: 12,
    });
  });

  it('applies nothing from a region with no agreement', () => {
    expect(recognitionOf(SHIPPED_AGREEMENTS, '430000', { listType: 'key-watch', subject: { kind: 'org', id: '914301001234567890' } })).toMatchObject({
      outcome: 'not-applied',
      agreement: '',
    });
  });

  it('an "any subjects" agreement applies entries about our subjects too', () => {
    const agreements = [
      {
        id: 'x',
        partner: { region: '420000', name: 'Hubei' },
        source: 's',
        lists: [{ listType: 'key-watch' as const, subjects: 'any' as const, effect: 'apply' as const, maxTermMonths: 6 }],
      },
    ];
    expect(recognitionOf(agreements, '420000', { listType: 'key-watch', subject: henanCarrier }).outcome).toBe('applied');
  });

  it('checks a configured file at load: ships valid, refuses a second agreement for a region, an unknown list or a bad region', () => {
    expect(recognitionAgreementsSchema.safeParse(SHIPPED_AGREEMENTS).success).toBe(true);
    const paths = (input: unknown) => (recognitionAgreementsSchema.safeParse(input).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(paths([SHIPPED_AGREEMENTS[0], SHIPPED_AGREEMENTS[0]])).toContain('1.partner.region');
    expect(paths([{ ...SHIPPED_AGREEMENTS[0], lists: [{ ...SHIPPED_AGREEMENTS[0].lists[0], listType: 'grey' }] }])).toContain('0.lists.0.listType');
    expect(paths([{ ...SHIPPED_AGREEMENTS[0], partner: { region: '999999', name: 'x' } }])).toContain('0.partner.region');
  });

  describe('grades (ADR 0085)', () => {
    const henan: RecognitionAgreement = {
      id: 'henan-demo',
      partner: { region: '410000', name: '河南省交通运输厅' },
      source: 's',
      lists: [{ listType: 'key-watch', subjects: 'any', effect: 'apply', maxTermMonths: 6 }],
      grades: {
        schemes: [
          { schemeId: 'henan-passenger-hazardous-codes', subjects: 'any', effect: 'apply', recognitionTable: 'henan-codes-to-yangtze-four-colour' },
          { schemeId: 'jiaozuo-general-cargo', subjects: 'partner-registered', effect: 'apply' },
          { schemeId: 'hebi-fleet', subjects: 'any', effect: 'inform' },
        ],
      },
    };

    it('applies a grade of a scheme the agreement names, about a subject it covers, with the table that reads it', () => {
      expect(gradeRecognitionOf([henan], '410000', { schemeId: 'henan-passenger-hazardous-codes', subject: hubeiCarrier })).toEqual({
        outcome: 'applied',
        agreement: 'henan-demo',
        reason: 'recognised under agreement henan-demo (s)',
        recognitionTableId: 'henan-codes-to-yangtze-four-colour',
      });
    });

    it('does not apply a scheme it does not name, a subject outside the term, an informative term, or a sender without agreement', () => {
      const of = (schemeId: string, subject = hubeiCarrier, sender = '410000') => gradeRecognitionOf([henan], sender, { schemeId, subject });
      expect(of('xuchang-taxi-stars')).toMatchObject({
        outcome: 'not-applied',
        reason: expect.stringContaining('does not recognise grades of xuchang-taxi-stars'),
      });
      expect(of('jiaozuo-general-cargo')).toMatchObject({ outcome: 'not-applied', reason: expect.stringContaining('registered in 410000') });
      expect(of('jiaozuo-general-cargo', henanCarrier).outcome).toBe('applied');
      expect(of('hebi-fleet')).toMatchObject({ outcome: 'not-applied', reason: expect.stringContaining('for information only') });
      expect(of('henan-passenger-hazardous-codes', hubeiCarrier, '430000')).toMatchObject({ outcome: 'not-applied', agreement: '' });
      // An agreement without a grades term applies no grade.
      expect(gradeRecognitionOf(SHIPPED_AGREEMENTS, '420000', { schemeId: 'yangtze-shipping-four-colour', subject: hubeiCarrier }).outcome).toBe('not-applied');
    });

    it('checks the grades term at load: a scheme named twice, an unknown effect, a table id that cannot be one', () => {
      const paths = (input: unknown) => (recognitionAgreementsSchema.safeParse(input).error?.issues ?? []).map((i) => i.path.join('.'));
      expect(paths([henan])).toEqual([]);
      const term = henan.grades!.schemes[0];
      expect(paths([{ ...henan, grades: { schemes: [term, term] } }])).toContain('0.grades.schemes.1.schemeId');
      expect(paths([{ ...henan, grades: { schemes: [{ ...term, effect: 'show' }] } }])).toContain('0.grades.schemes.0.effect');
      expect(paths([{ ...henan, grades: { schemes: [{ ...term, recognitionTable: 'Not A Table' }] } }])).toContain('0.grades.schemes.0.recognitionTable');
      expect(paths([{ ...henan, grades: { schemes: [] } }])).toContain('0.grades.schemes');
    });
  });
});
