import { checkApplication } from './application-check';
import { plateColoursOf } from './permit-application';
import { zhengzhouToWuhan } from './permit-application.fixture';

// Issue 18 "Bad input": each case names the field; every deficiency is listed at once (一次性告知, seed 000).
const fields = (draft: ReturnType<typeof zhengzhouToWuhan>) => checkApplication(draft).map((d) => d.field);

describe('checkApplication', () => {
  it('a complete application has no deficiency', () => {
    expect(checkApplication(zhengzhouToWuhan())).toEqual([]);
  });

  it('negative or zero dimensions', () => {
    const draft = zhengzhouToWuhan({ dimensions: { heightM: 0, widthM: -1, lengthM: 22, grossMassKg: 0 } });
    expect(fields(draft)).toEqual(['dimensions.heightM', 'dimensions.widthM', 'dimensions.grossMassKg']);
  });

  it('metres given as centimetres (a 420 m high vehicle)', () => {
    const [deficiency] = checkApplication(zhengzhouToWuhan({ dimensions: { heightM: 420, widthM: 3, lengthM: 20, grossMassKg: 40_000 } }));
    expect(deficiency).toEqual({ field: 'dimensions.heightM', reason: expect.stringContaining('centimetres') });
  });

  it('a route with no segments', () => {
    expect(fields(zhengzhouToWuhan({ route: { origin: '郑州市', destination: '武汉市', segments: [] } }))).toEqual(['route.segments']);
  });

  it('a segment outside China', () => {
    const draft = zhengzhouToWuhan();
    draft.route.segments[1].geometry.coordinates[1] = [2.35, 48.86];
    expect(fields(draft)).toEqual(['route.segments[1].geometry']);
  });

  it('provinces that do not match the geometry: the Hubei segment declared as Henan, or Wuhan declared as Hunan (issue 18 Bad input)', () => {
    const swapped = zhengzhouToWuhan();
    // Wuhan (114.3°E, 30.59°N) lies south of Henan's southernmost point (about 31.4°N).
    swapped.route.segments[1].province = '410000';
    expect(fields(swapped)).toEqual(['route.segments[1].province']);
    const hunan = zhengzhouToWuhan();
    // Xinyang (32.12°N) is far north of Hunan (at most about 30.1°N).
    hunan.route.segments[1].province = '430000';
    expect(fields(hunan)).toEqual(['route.segments[1].province']);
  });

  it('a point on the Henan–Hubei border counts for both provinces (extents are approximate, ADR 0063)', () => {
    expect(fields(zhengzhouToWuhan())).toEqual([]);
  });

  it('a segment whose province is not a province code', () => {
    const draft = zhengzhouToWuhan();
    draft.route.segments[0].province = '410100';
    expect(fields(draft)).toEqual(['route.segments[0].province']);
  });

  it('an axle count that does not match the axle loads', () => {
    const draft = zhengzhouToWuhan();
    draft.vehicle.axleCount = 5;
    expect(fields(draft)).toEqual(['vehicle.axleLoadsKg']);
  });

  it('a plate colour outside GA 36 is named; an absent one is yellow (large vehicles, GA 36-2018)', () => {
    const draft = zhengzhouToWuhan();
    draft.vehicle.tractorPlateColour = 'purple';
    draft.vehicle.trailerPlateColour = 'yellow';
    expect(fields(draft)).toEqual(['vehicle.tractorPlateColour']);
    expect(plateColoursOf(zhengzhouToWuhan().vehicle)).toEqual({ tractor: 'yellow', trailer: 'yellow' });
  });

  it('a time window that ends before it starts', () => {
    expect(fields(zhengzhouToWuhan({ window: { from: '2026-12-12', to: '2026-12-10' } }))).toEqual(['window.to']);
  });

  it('a multi-trip permit longer than 6 months (DOMAIN.md §7)', () => {
    expect(fields(zhengzhouToWuhan({ trips: 'multi', window: { from: '2026-12-10', to: '2027-06-10' } }))).toEqual([]);
    expect(fields(zhengzhouToWuhan({ trips: 'multi', window: { from: '2026-12-10', to: '2027-06-11' } }))).toEqual(['window.to']);
  });

  it('an attachment with an executable type, no hash, and too large', () => {
    const draft = zhengzhouToWuhan({ attachments: [{ kind: 'photo', sha256: 'abc', sizeBytes: 30 * 1024 * 1024, mediaType: 'application/x-msdownload' }] });
    expect(fields(draft)).toEqual(['attachments[0].sha256', 'attachments[0].sizeBytes', 'attachments[0].mediaType']);
  });

  it('lists every deficiency at once, never one at a time', () => {
    const draft = zhengzhouToWuhan({ carrierUscc: 'x', window: { from: '2026-12-12', to: '2026-12-10' }, cargo: { description: '', divisible: false } });
    draft.dimensions.heightM = 420;
    expect(fields(draft)).toEqual(['carrierUscc', 'dimensions.heightM', 'cargo.description', 'window.to']);
  });
});
