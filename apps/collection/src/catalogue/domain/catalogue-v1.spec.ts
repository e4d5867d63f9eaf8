import { createHash } from 'node:crypto';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PUBLICITY_PERIODS, RECORD_TYPE_CODES, SEVERITIES, SUBJECT_KINDS, type RecordTypeCode } from '@domain/credit';
import { PLATE_COLOURS, isValidPlate, isValidUscc } from '@domain/identifiers';
import { Catalogue } from './catalogue';
import { CATALOGUE_V1 } from './catalogue-v1';
import { MONITORING_VIOLATION_CODES, isMonitoringViolationCode } from './monitoring-violation-codes';
import { RECORD_CATEGORIES, type RecordTypeDefinition } from './record-type-definition';

type Payload = Record<string, unknown>;
/** Catalogue v1 has the first eleven record types; the water types came with v2 (catalogue-v2.spec.ts). */
const V1_CODES = RECORD_TYPE_CODES.slice(0, 11) as Exclude<RecordTypeCode, 'lock-passage' | 'ship-safety-inspection' | 'pollutant-delivery'>[];
type V1Code = (typeof V1_CODES)[number];
type Schema = Record<string, unknown>;

const CJK = /[\u4e00-\u9fff]/;
const ZHENGZHOU_BUREAU_USCC = '11410100005184744L';
const XUCHANG_BUREAU_USCC = '11411000MB1575112N';
const COMMITMENT_ID = '0b6c7d3e-5f1a-4c2b-9e8d-1a2b3c4d5e6f';

/** A realistic, complete payload for each type. */
const EXAMPLES: Record<V1Code, Payload> = {
  'administrative-licence': {
    decisionDocumentName: '道路运输经营许可决定书',
    licenceCategory: 'ordinary',
    licenceName: '道路运输经营许可证',
    licenceNumber: '豫交运管许可郑字410100012345号',
    content: '道路普通货物运输、大型物件运输',
    validFrom: '2026-03-01',
    validUntil: '2030-02-28',
    legalRepresentative: '张伟',
    authority: '郑州市交通运输局',
    authorityUscc: ZHENGZHOU_BUREAU_USCC,
  },
  'administrative-penalty': {
    legalRepresentative: '李强',
    violationType: '超限运输',
    facts: '2026年3月2日，豫A12345号重型半挂牵引车未按《超限运输车辆通行证》规定的时间、路线行驶',
    penaltyCategories: ['warning', 'fine'],
    penaltyBasis: '《公路安全保护条例》第六十四条',
    penaltyContent: '警告，罚款人民币3万元',
    fineAmountFen: 3_000_000,
    procedure: 'ordinary',
    authority: '郑州市交通运输综合行政执法支队',
    authorityUscc: ZHENGZHOU_BUREAU_USCC,
  },
  'credit-commitment': {
    commitmentType: 'permit-application',
    content: '承诺申报的车型、车号、车货总重和外廓尺寸、运输路线等信息真实有效，按照《通行证》规定的时间、路线、时速行驶',
    relatedMatter: '超限运输车辆通行证 豫2026-0000123',
    dueDate: '2026-06-30',
    acceptingAuthority: '河南省交通运输厅大件运输许可服务窗口',
  },
  'commitment-fulfilled': {
    commitmentRecordId: COMMITMENT_ID,
    description: '承诺期内按许可时间、路线通行，未发现违诺',
    verificationMethod: 'due-date-passed',
  },
  'commitment-broken': {
    commitmentRecordId: COMMITMENT_ID,
    description: '远程勘验抽查发现申报的外廓尺寸与测量视频不符',
    detectedBy: 'inspection',
    consequence: '取消"信用+申报"资格，向行业通报',
  },
  'monitoring-violation': {
    violationCode: 'speeding',
    occurredAt: '2026-03-02T14:05:00+08:00',
    endedAt: '2026-03-02T14:09:30+08:00',
    plate: '豫A12345',
    plateColour: 'yellow',
    platform: '河南省综合交通运输管理服务平台',
    location: 'G30连霍高速郑州段K612',
    longitude: 113.62,
    latitude: 34.75,
    speedKmh: 112,
    limitKmh: 100,
    durationMinutes: 4,
    description: '超过限速12%',
  },
  'confirmed-complaint': {
    hotline: '12328',
    complaintNumber: 'GD20260302000123',
    receivedOn: '2026-03-02',
    category: 'refusal',
    content: '乘客反映豫A·T1234出租汽车在郑州东站拒载',
    confirmedBy: '郑州市交通运输综合行政执法支队',
    handlingResult: '调取车载视频核实属实，已约谈驾驶员',
  },
  commendation: {
    title: '最美的哥的姐',
    awardingBody: '濮阳市交通运输局',
    level: 'city',
    description: '拾金不昧，主动归还乘客遗失财物',
  },
  accident: {
    occurredAt: '2026-02-14T06:40:00+08:00',
    location: 'S88郑栾高速K45+300',
    accidentGrade: 'ordinary',
    responsibility: 'main',
    deaths: 1,
    injuries: 2,
    directLossFen: 35_000_000,
    plate: '豫A12345',
    plateColour: 'yellow',
    description: '雨天行车未保持安全车距，追尾前车',
    determinedBy: '郑州市公安局交通警察支队',
  },
  'oversize-transport-violation': {
    violationType: 'off-route',
    permitNumber: '豫大件2026-0001234',
    detectedAt: '2026-03-05T22:10:00+08:00',
    detectedBy: 'trajectory-comparison',
    location: 'G4京港澳高速新乡段',
    plate: '豫G12345',
    plateColour: 'yellow',
    description: '轨迹比对发现偏离许可路线约35公里',
    copiedTo: '新乡市交通运输综合行政执法支队',
  },
  'inter-department-notice': {
    fromDepartment: '许昌市交通运输综合行政执法支队',
    fromRegion: '411000',
    noticeNumber: '许交抄〔2026〕15号',
    content: '贵市籍豫A12345号车辆在我市未按许可路线行驶，已依法查处，请加强属地监管',
    relatedRecordType: 'oversize-transport-violation',
    requestedAction: '请车籍地依法处理并反馈',
  },
};

/** Overrides that make the required-fields-only payload satisfy the conditional rules. */
const MINIMAL_OVERRIDES: Partial<Record<V1Code, Payload>> = {
  'administrative-penalty': { penaltyCategories: ['warning'] },
  'monitoring-violation': { violationCode: 'fatigue-driving' },
  'oversize-transport-violation': { violationType: 'no-permit' },
};

const DISHONESTY_FREE: readonly RecordTypeCode[] = ['administrative-licence', 'credit-commitment', 'commitment-fulfilled', 'commendation'];
const PUBLIC_TYPES: readonly RecordTypeCode[] = ['administrative-licence', 'administrative-penalty', 'credit-commitment', 'commitment-broken', 'commendation'];
const PUBLIC_PUNITIVE: readonly RecordTypeCode[] = ['administrative-penalty', 'commitment-broken'];

function definition(code: RecordTypeCode): RecordTypeDefinition {
  const found = CATALOGUE_V1.recordTypes.find((t) => t.code === code);
  if (!found) throw new Error(`${code} missing from catalogue v1`);
  return found;
}

function schemaOf(code: RecordTypeCode): Schema & { properties: Record<string, Schema>; required: string[] } {
  return definition(code).payloadSchema as Schema & { properties: Record<string, Schema>; required: string[] };
}

const strictLog: unknown[] = [];
const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  logger: { log: () => undefined, warn: (...args: unknown[]) => strictLog.push(args), error: (...args: unknown[]) => strictLog.push(args) },
});
addFormats(ajv);
const validators = new Map<RecordTypeCode, ValidateFunction>(CATALOGUE_V1.recordTypes.map((t) => [t.code, ajv.compile(t.payloadSchema)]));

function errorsOf(code: RecordTypeCode, payload: unknown): ErrorObject[] {
  const validate = validators.get(code)!;
  return validate(payload) ? [] : [...(validate.errors ?? [])];
}

function without(payload: Payload, field: string): Payload {
  const copy = { ...payload };
  delete copy[field];
  return copy;
}

function minimalExample(code: V1Code): Payload {
  const required = schemaOf(code).required;
  const example = { ...EXAMPLES[code], ...MINIMAL_OVERRIDES[code] };
  return Object.fromEntries(Object.entries(example).filter(([key]) => required.includes(key)));
}

/** Every subschema (properties, items, conditionals), with its JSON pointer. */
function* subschemas(schema: Schema, path = '#'): Generator<[string, Schema]> {
  yield [path, schema];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === 'dependentSchemas') {
      for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
        if (child && typeof child === 'object') yield* subschemas(child as Schema, `${path}/${key}/${name}`);
      }
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      for (const [i, child] of (value as Schema[]).entries()) yield* subschemas(child, `${path}/${key}/${i}`);
    } else if (['items', 'contains', 'if', 'then', 'else', 'not'].includes(key) && value && typeof value === 'object') {
      yield* subschemas(value as Schema, `${path}/${key}`);
    }
  }
}

describe('catalogue v1', () => {
  it('is version 1, in force from 2026-01-01, and names its sources', () => {
    expect(CATALOGUE_V1.version).toBe(1);
    expect(CATALOGUE_V1.effectiveFrom).toBe('2026-01-01');
    for (const seed of [
      '000_0e29d2548a338543.txt',
      '001_bd7deb5d3731eda1.txt',
      '002_e218281672bf1c60.txt',
      '003_de042ffac66510b8.txt',
      '004_88026755322b26ed.txt',
    ]) {
      expect(CATALOGUE_V1.sources.some((source) => source.includes(seed))).toBe(true);
    }
    expect(CATALOGUE_V1.sources.some((source) => source.includes('国家发展改革委令2025年第36号'))).toBe(true);
  });

  it('defines every record type exactly once, in RECORD_TYPE_CODES order (the first eleven)', () => {
    expect(CATALOGUE_V1.recordTypes.map((t) => t.code)).toEqual([...V1_CODES]);
  });

  it('loads into a Catalogue (the service refuses a duplicate code or a schema strict ajv rejects)', () => {
    const catalogue = new Catalogue(CATALOGUE_V1);
    expect(catalogue.version).toBe(1);
    expect(catalogue.payloadViolations('administrative-penalty', EXAMPLES['administrative-penalty'])).toEqual([]);
    expect(catalogue.payloadViolations('administrative-penalty', { ...EXAMPLES['administrative-penalty'], colour: 'red' })).toEqual([
      { field: 'payload.colour', message: 'is not a field of this record type', code: 'UNKNOWN_FIELD' },
    ]);
    expect(catalogue.payloadViolations('accident', without(EXAMPLES.accident, 'responsibility'))).toEqual([
      expect.objectContaining({ field: 'payload.responsibility', code: 'SCHEMA_REQUIRED' }),
    ]);
  });

  it('survives the JSON round trip the database makes (the boot check compares them)', () => {
    expect(JSON.parse(JSON.stringify(CATALOGUE_V1))).toEqual(CATALOGUE_V1);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(CATALOGUE_V1)).toBe(true);
    expect(Object.isFrozen(CATALOGUE_V1.recordTypes)).toBe(true);
    expect(Object.isFrozen(schemaOf('administrative-penalty').properties)).toBe(true);
  });

  it('is pinned: a stored version is immutable, so any edit must become a new version', () => {
    // If this fails you edited v1. Once v1 has been stored anywhere, revert and add catalogue v2
    // (shipped-catalogues.ts) instead; before that, update the hash deliberately.
    const hash = createHash('sha256').update(JSON.stringify(CATALOGUE_V1)).digest('hex');
    expect(hash).toBe('bc8c0b9e7e39775cca22995cdf0aa5b50dba006453485dd790bca5dc2f120b11');
  });

  describe.each(V1_CODES.map((code) => [code]))('%s', (code) => {
    const type = definition(code);

    it('has a Chinese and an English name and a known category', () => {
      expect(type.name.zh).toMatch(CJK);
      expect(type.name.en).toMatch(/^[A-Z][A-Za-z -]+$/);
      expect(RECORD_CATEGORIES).toContain(type.category);
    });

    it('allows known subject kinds and severities, without duplicates', () => {
      expect(type.subjectKinds.length).toBeGreaterThan(0);
      expect(new Set(type.subjectKinds).size).toBe(type.subjectKinds.length);
      for (const kind of type.subjectKinds) expect(SUBJECT_KINDS).toContain(kind);
      expect(type.severities.length).toBeGreaterThan(0);
      expect(new Set(type.severities).size).toBe(type.severities.length);
      for (const severity of type.severities) expect(SEVERITIES).toContain(severity);
      // Severities listed least to most serious, like SEVERITIES.
      expect([...type.severities]).toEqual(SEVERITIES.filter((s) => type.severities.includes(s)));
    });

    it('takes only the placeholder severity when it records no dishonesty, all three otherwise', () => {
      expect(type.severities).toEqual(DISHONESTY_FREE.includes(code) ? ['minor'] : [...SEVERITIES]);
    });

    it('is public exactly when DOMAIN.md §6 publishes it, with a publicity rule iff public', () => {
      expect(type.isPublic).toBe(PUBLIC_TYPES.includes(code));
      expect(type.publicity === null).toBe(!type.isPublic);
    });

    it('has the publicity periods of its rule: national for public dishonesty, local otherwise', () => {
      if (!type.publicity) return;
      const months = type.publicity.monthsBySeverity;
      expect(Object.keys(months).sort()).toEqual([...type.severities].sort());
      if (PUBLIC_PUNITIVE.includes(code)) {
        expect(type.publicity.basis).toBe('国家发展改革委令2025年第36号');
        for (const severity of type.severities) {
          expect(months[severity]).toEqual({ min: PUBLICITY_PERIODS[severity].minMonths, max: PUBLICITY_PERIODS[severity].maxMonths });
        }
      } else {
        expect(type.publicity.basis).toContain('地方规则');
        expect(type.publicity.basis).not.toContain('国家发展改革委令');
        expect(months).toEqual({ minor: { min: 0, max: 36 } });
      }
    });

    it('has the 双公示 deadline of 7 working days only for licences and penalties', () => {
      expect(type.timelinessWorkingDays).toBe(code === 'administrative-licence' || code === 'administrative-penalty' ? 7 : null);
    });

    it('may be submitted with records:write', () => {
      expect(type.submitScopes).toEqual(['records:write']);
    });

    it('has a closed object schema whose required fields all exist', () => {
      const schema = schemaOf(code);
      expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', additionalProperties: false });
      expect(schema.required.length).toBeGreaterThan(0);
      expect(new Set(schema.required).size).toBe(schema.required.length);
      for (const field of schema.required) expect(Object.keys(schema.properties)).toContain(field);
    });

    it('names fields in camelCase with Chinese descriptions, and bounds every value', () => {
      const schema = schemaOf(code);
      for (const [field, property] of Object.entries(schema.properties)) {
        expect(field).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(property['description']).toMatch(CJK);
      }
      for (const [path, sub] of subschemas(schema)) {
        if (path.includes('/if')) continue; // conditions select, they do not bound
        const bounded = (keys: string[]) => keys.some((key) => key in sub);
        if (sub['type'] === 'string') expect([path, bounded(['maxLength', 'enum', 'const', 'format', 'pattern'])]).toEqual([path, true]);
        if (sub['type'] === 'integer' || sub['type'] === 'number') expect([path, bounded(['maximum']) && bounded(['minimum'])]).toEqual([path, true]);
        if (sub['type'] === 'array' && path.split('/').at(-2) === 'properties') expect([path, bounded(['maxItems'])]).toEqual([path, true]);
        // A pattern must be anchored, or it bounds nothing.
        if (typeof sub['pattern'] === 'string') expect(sub['pattern']).toMatch(/^\^.*\$$/);
      }
    });

    it('compiles with strict ajv, without warnings', () => {
      expect(validators.get(code)).toBeDefined();
      expect(strictLog).toEqual([]);
    });

    it('accepts a realistic payload and the same payload reduced to its required fields', () => {
      expect(errorsOf(code, EXAMPLES[code])).toEqual([]);
      expect(errorsOf(code, minimalExample(code))).toEqual([]);
    });

    it('refuses an unknown field', () => {
      expect(errorsOf(code, { ...EXAMPLES[code], remark: '备注' })).toEqual([
        expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'remark' } }),
      ]);
    });

    it.each(schemaOf(code).required.map((field) => [field]))('refuses a payload without %s', (field) => {
      expect(errorsOf(code, without(EXAMPLES[code], field))).toContainEqual(
        expect.objectContaining({ keyword: 'required', params: { missingProperty: field } }),
      );
    });

    it('refuses empty and overlong text and a non-object payload', () => {
      const schema = schemaOf(code);
      const textField = schema.required.find((field) => typeof schema.properties[field]['maxLength'] === 'number');
      if (textField) {
        const max = schema.properties[textField]['maxLength'] as number;
        expect(errorsOf(code, { ...EXAMPLES[code], [textField]: '' })).not.toEqual([]);
        expect(errorsOf(code, { ...EXAMPLES[code], [textField]: '字'.repeat(max + 1) })).not.toEqual([]);
        expect(errorsOf(code, { ...EXAMPLES[code], [textField]: '字'.repeat(max) })).toEqual([]);
      }
      expect(errorsOf(code, [EXAMPLES[code]])).not.toEqual([]);
      expect(errorsOf(code, null)).not.toEqual([]);
    });
  });
});

describe('catalogue v1 payload rules', () => {
  it('licence: category from the closed set, real dates, USCC characters of GB 32100', () => {
    const licence = EXAMPLES['administrative-licence'];
    expect(isValidUscc(ZHENGZHOU_BUREAU_USCC)).toBe(true);
    expect(isValidUscc(XUCHANG_BUREAU_USCC)).toBe(true);
    expect(errorsOf('administrative-licence', { ...licence, licenceCategory: '普通' })).not.toEqual([]);
    expect(errorsOf('administrative-licence', { ...licence, validUntil: '2030-02-30' })).not.toEqual([]);
    expect(errorsOf('administrative-licence', { ...licence, validFrom: '2026/03/01' })).not.toEqual([]);
    expect(errorsOf('administrative-licence', { ...licence, authorityUscc: '11410100005184744I' })).not.toEqual([]);
    expect(errorsOf('administrative-licence', { ...licence, authorityUscc: '11410100005184744' })).not.toEqual([]);
    expect(errorsOf('administrative-licence', { ...licence, authorityUscc: XUCHANG_BUREAU_USCC })).toEqual([]);
  });

  it('penalty: one or more categories of 《行政处罚法》第九条, each once', () => {
    const penalty = EXAMPLES['administrative-penalty'];
    expect(errorsOf('administrative-penalty', { ...penalty, penaltyCategories: [] })).not.toEqual([]);
    expect(errorsOf('administrative-penalty', { ...penalty, penaltyCategories: ['warning', 'warning'] })).not.toEqual([]);
    expect(errorsOf('administrative-penalty', { ...penalty, penaltyCategories: ['caning'] })).not.toEqual([]);
    expect(errorsOf('administrative-penalty', { ...penalty, penaltyCategories: 'fine' })).not.toEqual([]);
  });

  it('penalty: a fine needs a positive whole amount in fen', () => {
    const penalty = EXAMPLES['administrative-penalty'];
    expect(errorsOf('administrative-penalty', without(penalty, 'fineAmountFen'))).toContainEqual(
      expect.objectContaining({ keyword: 'required', params: { missingProperty: 'fineAmountFen' } }),
    );
    expect(errorsOf('administrative-penalty', { ...penalty, fineAmountFen: 0 })).not.toEqual([]);
    expect(errorsOf('administrative-penalty', { ...penalty, fineAmountFen: 30000.5 })).not.toEqual([]);
    expect(errorsOf('administrative-penalty', { ...penalty, fineAmountFen: '30000' })).not.toEqual([]);
    expect(errorsOf('administrative-penalty', { ...without(penalty, 'fineAmountFen'), penaltyCategories: ['warning'] })).toEqual([]);
  });

  it('penalty: suspending, revoking or downgrading names the licence concerned', () => {
    const penalty = { ...EXAMPLES['administrative-penalty'], penaltyCategories: ['fine', 'licence-suspension'] };
    expect(errorsOf('administrative-penalty', penalty)).toContainEqual(expect.objectContaining({ params: { missingProperty: 'affectedLicence' } }));
    expect(errorsOf('administrative-penalty', { ...penalty, affectedLicence: '道路运输证 豫交运管郑字410100123456号' })).toEqual([]);
  });

  it('commitment: carries a real due date', () => {
    expect(errorsOf('credit-commitment', { ...EXAMPLES['credit-commitment'], dueDate: '下个月' })).not.toEqual([]);
    expect(errorsOf('credit-commitment', { ...EXAMPLES['credit-commitment'], commitmentType: 'promise' })).not.toEqual([]);
  });

  it('fulfilment and breach point at the commitment record by UUID', () => {
    expect(errorsOf('commitment-fulfilled', { ...EXAMPLES['commitment-fulfilled'], commitmentRecordId: 'zz-101' })).not.toEqual([]);
    expect(errorsOf('commitment-broken', { ...EXAMPLES['commitment-broken'], commitmentRecordId: 'zz-101' })).not.toEqual([]);
    expect(errorsOf('commitment-broken', { ...EXAMPLES['commitment-broken'], detectedBy: 'rumour' })).not.toEqual([]);
  });

  it('monitoring: violation codes come from MONITORING_VIOLATION_CODES', () => {
    const property = schemaOf('monitoring-violation').properties['violationCode'];
    expect(property['enum']).toEqual(MONITORING_VIOLATION_CODES.map((entry) => entry.code));
    for (const { code } of MONITORING_VIOLATION_CODES) {
      const payload = { ...without(without(EXAMPLES['monitoring-violation'], 'speedKmh'), 'limitKmh'), violationCode: code };
      expect([code, errorsOf('monitoring-violation', payload)]).toEqual([code, code === 'speeding' ? expect.arrayContaining([expect.anything()]) : []]);
    }
    expect(errorsOf('monitoring-violation', { ...EXAMPLES['monitoring-violation'], violationCode: 'overloading' })).not.toEqual([]);
  });

  it('monitoring: speeding states the speed and the limit', () => {
    const speeding = EXAMPLES['monitoring-violation'];
    expect(errorsOf('monitoring-violation', without(speeding, 'limitKmh'))).toContainEqual(
      expect.objectContaining({ params: { missingProperty: 'limitKmh' } }),
    );
    expect(errorsOf('monitoring-violation', without(speeding, 'speedKmh'))).toContainEqual(
      expect.objectContaining({ params: { missingProperty: 'speedKmh' } }),
    );
    expect(errorsOf('monitoring-violation', { ...speeding, speedKmh: -1 })).not.toEqual([]);
  });

  it('monitoring: times carry a time zone', () => {
    expect(errorsOf('monitoring-violation', { ...EXAMPLES['monitoring-violation'], occurredAt: '2026-03-02T14:05:00' })).not.toEqual([]);
    expect(errorsOf('monitoring-violation', { ...EXAMPLES['monitoring-violation'], occurredAt: '2026-03-02T06:05:00Z' })).toEqual([]);
    expect(errorsOf('monitoring-violation', { ...EXAMPLES['monitoring-violation'], occurredAt: '2026-03-02' })).not.toEqual([]);
  });

  it.each([
    ['豫A12345', true],
    ['豫AD12345', true],
    ['豫A12345F', true],
    ['京BF1234', true],
    ['豫A1234挂', true],
    ['豫A1234学', true],
    ['豫AI2345', false],
    ['豫O12345', false],
    ['XA12345', false],
    ['豫A1234', false],
    ['豫A123456', false],
    ['豫A·12345', false],
  ])('plates follow GA 36-2018 like parsePlate (normalised): %s → %s', (plate, valid) => {
    expect(errorsOf('monitoring-violation', { ...EXAMPLES['monitoring-violation'], plate }).length === 0).toBe(valid);
    // Agrees with the identifiers library on already-normalised input.
    if (!plate.includes('·')) expect(isValidPlate(plate)).toBe(valid);
  });

  it('plate colours are those of GA 36-2018 (PLATE_COLOURS)', () => {
    expect(schemaOf('monitoring-violation').properties['plateColour']['enum']).toEqual([...PLATE_COLOURS]);
    expect(schemaOf('accident').properties['plateColour']['enum']).toEqual([...PLATE_COLOURS]);
    expect(schemaOf('oversize-transport-violation').properties['plateColour']['enum']).toEqual([...PLATE_COLOURS]);
  });

  it('complaint: only hotlines 12328 and 12345', () => {
    expect(errorsOf('confirmed-complaint', { ...EXAMPLES['confirmed-complaint'], hotline: '12345' })).toEqual([]);
    expect(errorsOf('confirmed-complaint', { ...EXAMPLES['confirmed-complaint'], hotline: '12315' })).not.toEqual([]);
    expect(errorsOf('confirmed-complaint', { ...EXAMPLES['confirmed-complaint'], hotline: 12328 })).not.toEqual([]);
  });

  it('commendation: level from national down to county', () => {
    expect(errorsOf('commendation', { ...EXAMPLES.commendation, level: 'national' })).toEqual([]);
    expect(errorsOf('commendation', { ...EXAMPLES.commendation, level: 'global' })).not.toEqual([]);
  });

  it('accident: responsibility from the closed set, whole non-negative casualty counts, plate with colour', () => {
    expect(errorsOf('accident', { ...EXAMPLES.accident, responsibility: 'partial' })).not.toEqual([]);
    expect(errorsOf('accident', { ...EXAMPLES.accident, deaths: -1 })).not.toEqual([]);
    expect(errorsOf('accident', { ...EXAMPLES.accident, injuries: 1.5 })).not.toEqual([]);
    expect(errorsOf('accident', without(EXAMPLES.accident, 'plateColour'))).toContainEqual(expect.objectContaining({ keyword: 'dependentRequired' }));
    expect(errorsOf('accident', without(without(EXAMPLES.accident, 'plateColour'), 'plate'))).toEqual([]);
  });

  it('oversize: a permit number unless the carrier had no permit', () => {
    const offRoute = EXAMPLES['oversize-transport-violation'];
    expect(errorsOf('oversize-transport-violation', without(offRoute, 'permitNumber'))).toContainEqual(
      expect.objectContaining({ params: { missingProperty: 'permitNumber' } }),
    );
    expect(errorsOf('oversize-transport-violation', { ...without(offRoute, 'permitNumber'), violationType: 'no-permit' })).toEqual([]);
    expect(errorsOf('oversize-transport-violation', { ...offRoute, violationType: 'mismatched-vehicle', detectedBy: 'entry-weighing' })).toEqual([]);
    expect(errorsOf('oversize-transport-violation', { ...offRoute, violationType: 'speeding' })).not.toEqual([]);
  });

  it('notice: region of the sender is a 6-digit code', () => {
    expect(errorsOf('inter-department-notice', { ...EXAMPLES['inter-department-notice'], fromRegion: '4110' })).not.toEqual([]);
  });
});

describe('monitoring violation codes', () => {
  it('are unique kebab-case codes with Chinese and English names', () => {
    const codes = MONITORING_VIOLATION_CODES.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of MONITORING_VIOLATION_CODES) {
      expect(entry.code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(entry.zh).toMatch(CJK);
      expect(entry.en).toMatch(/^[A-Z]/);
    }
  });

  it('cover the alarms the seeds name', () => {
    const codes: string[] = MONITORING_VIOLATION_CODES.map((entry) => entry.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'speeding',
        'fatigue-driving',
        'monitoring-off',
        'route-plate-mismatch',
        'overdue-annual-inspection',
        'overdue-licence',
        'off-base-operation',
        'long-offline',
        'phone-use',
      ]),
    );
  });

  it('recognises its members', () => {
    expect(isMonitoringViolationCode('fatigue-driving')).toBe(true);
    expect(isMonitoringViolationCode('overloading')).toBe(false);
  });
});
