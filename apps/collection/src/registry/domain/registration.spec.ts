import { parseUscc, type Uscc } from '@domain/identifiers';
import {
  applyEnterpriseUpdate,
  nextSectorChange,
  withdrawLicence,
  applyLicence,
  enterpriseSectors,
  licenceOfRecord,
  parseEnterpriseKey,
  validateEnterprise,
  type EnterpriseRegistration,
} from './enterprise';
import { maskedDriverId, parseDriverKey, validateDriver } from './driver';
import { parseVehicleKey, validateVehicle } from './vehicle';
import { parseVesselKey, validateVessel } from './vessel';
import { parseImportLine, splitImport } from './import-lines';
import { sameContent } from './same-content';

// USCCs from DOMAIN.md §1 (valid GB 32100-2015 examples); citizen ID 11010519491231002X is the
// worked example of GB 11643-1999 (check character X).
const FUZHOU_USCC = parseUscc('91350100M000100Y43');
const USCC = (FUZHOU_USCC.ok ? FUZHOU_USCC.value : '') as Uscc;
const GB_EXAMPLE_ID = '11010519491231002X';
const TODAY = '2026-12-06';

describe('enterprise registration', () => {
  it('refuses a USCC whose check character is wrong (GB 32100-2015)', () => {
    expect(parseEnterpriseKey('91350100M000100Y42').violation).toMatchObject({ field: 'uscc', code: 'INVALID_USCC' });
    expect(parseEnterpriseKey('91350100m000100y43').uscc).toBe('91350100M000100Y43');
  });

  it('defaults the region to the registering authority in positions 3–8 (GB 32100-2015 §4)', () => {
    expect(validateEnterprise(USCC, { name: '福州某运输有限公司' }, TODAY).value?.region).toBe('350100');
  });

  it('names every bad field at once', () => {
    const { violations } = validateEnterprise(
      USCC,
      {
        region: '999999',
        declaredSectors: ['trucking'],
        licences: [{ number: 'A1', validFrom: '2026-02-30' }, { number: 'A1' }],
        credit: { registered: 'yes' },
        // TODAY is 2026-12-06: a registration date tomorrow has not happened.
        registeredOn: '2026-12-07',
        colour: 'red',
      },
      TODAY,
    );
    expect(violations.map((v) => `${v.field}:${v.code}`).sort()).toEqual(
      [
        'colour:UNKNOWN_FIELD',
        'name:REQUIRED',
        'region:INVALID_REGION',
        'declaredSectors[0]:UNKNOWN_SECTOR',
        'licences[0].validFrom:INVALID_DATE',
        'licences[1].number:DUPLICATE',
        'credit.registered:NOT_A_BOOLEAN',
        'registeredOn:IN_THE_FUTURE',
      ].sort(),
    );
  });

  it("takes a licence's sectors from its business scope as well as listed ones", () => {
    const { value } = validateEnterprise(
      USCC,
      {
        name: '福州某运输有限公司',
        licences: [{ number: '闽交运管许可榕字350100000001号', businessScope: '道路普通货物运输、大件运输', sectors: ['general-cargo'] }],
      },
      TODAY,
    );
    expect(value?.licences).toEqual([
      {
        number: '闽交运管许可榕字350100000001号',
        sectors: ['general-cargo', 'oversize-transport'],
        validFrom: null,
        validUntil: null,
        authority: null,
        recordId: null,
      },
    ]);
  });

  const registration = (
    licences: EnterpriseRegistration['licences'],
    declaredSectors: EnterpriseRegistration['declaredSectors'] = [],
  ): EnterpriseRegistration => ({
    uscc: USCC,
    name: '福州某运输有限公司',
    region: '350100',
    declaredSectors,
    licences,
    registeredOn: null,
    credit: { registered: false, committed: false, selfAssessed: false },
    active: true,
  });

  it('has the sectors of the licences in force today plus the declared ones (ADR 0042)', () => {
    const r = registration(
      [
        { number: 'L1', sectors: ['hazardous-goods'], validFrom: '2020-01-01', validUntil: '2026-12-05', authority: null, recordId: null },
        { number: 'L2', sectors: ['general-cargo'], validFrom: '2020-01-01', validUntil: '2026-12-06', authority: null, recordId: null },
        { number: 'L3', sectors: ['taxi'], validFrom: '2026-12-07', validUntil: null, authority: null, recordId: null },
      ],
      ['bus'],
    );
    // L1 ended yesterday; L2's last valid day is today; L3 starts tomorrow.
    expect(enterpriseSectors(r, TODAY)).toEqual(['general-cargo', 'bus']);
  });

  it('knows the next day its sectors may change: a licence starting, or the day after one ends', () => {
    const l = (validFrom: string | null, validUntil: string | null) => ({
      number: `${validFrom}-${validUntil}`,
      sectors: [],
      validFrom,
      validUntil,
      authority: null,
      recordId: null,
    });
    expect(nextSectorChange([l('2020-01-01', '2026-12-06')], TODAY)).toBe('2026-12-07');
    expect(nextSectorChange([l('2020-01-01', '2027-06-30'), l('2027-01-01', null)], TODAY)).toBe('2027-01-01');
    expect(nextSectorChange([l('2020-01-01', '2026-12-05'), l(null, null)], TODAY)).toBeNull();
  });

  it('keeps its licences on a PUT that does not list them, replaces them on one that does', () => {
    const current = registration([{ number: 'L1', sectors: ['taxi'], validFrom: null, validUntil: null, authority: null, recordId: 'r-1' }]);
    const { value: withoutLicences } = validateEnterprise(USCC, { name: '新名称' }, TODAY);
    expect(applyEnterpriseUpdate(current, withoutLicences!).licences).toEqual(current.licences);
    const { value: empty } = validateEnterprise(USCC, { name: '新名称', licences: [] }, TODAY);
    expect(applyEnterpriseUpdate(current, empty!).licences).toEqual([]);
    // A listed licence that came from a record stays linked to it (its revocation still withdraws it).
    const { value: listed } = validateEnterprise(USCC, { name: '新名称', licences: [{ number: 'L1', sectors: ['bus'] }, { number: 'L2' }] }, TODAY);
    expect(applyEnterpriseUpdate(current, listed!).licences.map((l) => [l.number, l.recordId])).toEqual([
      ['L1', 'r-1'],
      ['L2', null],
    ]);
  });

  it('turns a 行政许可 record into a licence, replacing the one with the same number', () => {
    const licence = licenceOfRecord(
      {
        licenceName: '道路运输经营许可证',
        licenceNumber: '豫交运管许可郑字410100001号',
        content: '道路旅客运输（班车客运）',
        validFrom: '2024-01-01',
        validUntil: '2027-12-31',
        authority: '郑州市交通运输局',
      },
      '郑交许〔2024〕1号',
      'record-1',
    );
    expect(licence).toEqual({
      number: '豫交运管许可郑字410100001号',
      sectors: ['road-passenger'],
      validFrom: '2024-01-01',
      validUntil: '2027-12-31',
      authority: '郑州市交通运输局',
      recordId: 'record-1',
    });
    const created = applyLicence(undefined, licence, { uscc: USCC, name: '记录中的名称', region: '410100' });
    expect(created).toMatchObject({ name: '记录中的名称', region: '410100', licences: [licence], active: true });
    const renewed = { ...licence, validUntil: '2031-12-31' };
    expect(applyLicence(created, renewed, { uscc: USCC, name: '另一名称', region: '410200' })).toMatchObject({ name: '记录中的名称', licences: [renewed] });
    // Without a certificate number the decision document identifies the licence.
    expect(licenceOfRecord({ content: '机动车维修' }, '郑交许〔2024〕2号', 'record-2')).toMatchObject({
      number: '郑交许〔2024〕2号',
      sectors: ['vehicle-repair'],
    });
    // A correction that changes the number replaces the licence of the same record; a revocation withdraws it.
    const corrected = { ...licence, number: '豫交运管许可郑字410100002号' };
    const afterCorrection = applyLicence(created, corrected, { uscc: USCC, name: '记录中的名称', region: '410100' });
    expect(afterCorrection.licences).toEqual([corrected]);
    expect(withdrawLicence(afterCorrection, 'record-1').licences).toEqual([]);
    expect(withdrawLicence(afterCorrection, 'record-9').licences).toEqual([corrected]);
  });
});

describe('vehicle registration', () => {
  it('normalises the plate and colour of the key (GA 36-2018)', () => {
    expect(parseVehicleKey('豫a·12345:Yellow').key).toEqual({ plate: '豫A12345', plateColour: 'yellow' });
    expect(parseVehicleKey('豫A12345').violation).toMatchObject({ field: 'key', code: 'INVALID_VEHICLE_KEY' });
    // GA 36-2018: the letters I and O are never used.
    expect(parseVehicleKey('豫AI2345:blue').violation).toBeDefined();
  });

  it('checks the carrier USCC and the axles', () => {
    const { violations } = validateVehicle(
      { plate: '豫A12345', plateColour: 'yellow' },
      { region: '410100', vehicleType: 'tractor', carrierUscc: '91350100M000100Y42', axles: 0 },
    );
    expect(violations.map((v) => v.field).sort()).toEqual(['axles', 'carrierUscc']);
  });
});

describe('driver registration', () => {
  it('validates the citizen ID with its check character (GB 11643-1999) and never repeats it in a message', () => {
    expect(parseDriverKey(GB_EXAMPLE_ID, TODAY).citizenId).toBe(GB_EXAMPLE_ID);
    const wrong = parseDriverKey('110105194912310021', TODAY).violation!;
    expect(wrong).toMatchObject({ field: 'citizenId', code: 'INVALID_CITIZEN_ID' });
    expect(wrong.message).not.toContain('110105');
  });

  it('masks the ID as public output does: first 3 and last 4 kept (libs/domain/identifiers masking.ts)', () => {
    expect(maskedDriverId(GB_EXAMPLE_ID)).toBe('110***********002X');
  });

  it('requires a name and a region, and takes sector codes for the qualification', () => {
    const { violations } = validateDriver(GB_EXAMPLE_ID as never, { qualificationSectors: ['taxi', 'pilot'], qualifiedOn: '2026-12-07' }, TODAY);
    expect(violations.map((v) => `${v.field}:${v.code}`).sort()).toEqual([
      'name:REQUIRED',
      'qualificationSectors[1]:UNKNOWN_SECTOR',
      'qualifiedOn:IN_THE_FUTURE',
      'region:REQUIRED',
    ]);
  });
});

describe('vessel registration', () => {
  it('keys a vessel by its ship identification number: CN and 11 digits', () => {
    expect(parseVesselKey('cn 20161234567').vesselId).toBe('CN20161234567');
    expect(parseVesselKey('CN2016123456').violation).toMatchObject({ code: 'INVALID_VESSEL_ID' });
    expect(validateVessel('CN20161234567' as never, { name: '长江之星', region: '420100', grossTonnage: -1 }).violations).toEqual([
      expect.objectContaining({ field: 'grossTonnage', code: 'OUT_OF_RANGE' }),
    ]);
  });
});

describe('imports and equality', () => {
  it('splits NDJSON keeping line numbers and refuses an empty body', () => {
    expect(splitImport('\n{"a":1}\n\n{"b":2}\n').map((l) => l.line)).toEqual([2, 4]);
    expect(() => splitImport('\n \n')).toThrow(expect.objectContaining({ code: 'REGISTRY.IMPORT_EMPTY' }));
  });

  it('parses a line as kind, key and the PUT body', () => {
    expect(parseImportLine('{"kind":"vehicle","key":"豫A12345:yellow","registration":{"region":"410100"}}')).toEqual({
      ok: true,
      kind: 'vehicle',
      key: '豫A12345:yellow',
      body: { region: '410100' },
    });
    const bad = parseImportLine('{"kind":"ship","registration":[]}');
    expect(bad.ok ? [] : bad.violations.map((v) => v.field)).toEqual(['kind', 'key', 'registration']);
  });

  it('compares content whatever the key order (jsonb reorders keys)', () => {
    expect(sameContent({ a: 1, b: [{ x: 1, y: null }] }, { b: [{ y: null, x: 1 }], a: 1 })).toBe(true);
    expect(sameContent({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameContent(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});
