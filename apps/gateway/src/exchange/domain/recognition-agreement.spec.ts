import { recognitionAgreementsSchema, recognitionOf, registeredRegionOf } from './recognition-agreement';
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
});
