import { RECORD_TYPE_CODES, SECTORS, SUBJECT_KINDS } from '@domain/credit';

/**
 * The shape of a scheme document (JSON Schema 2020-12, checked with ajv in strict mode).
 * `additionalProperties: false` everywhere, so a misspelt key is refused with its path rather
 * than silently ignored. Expressions are only shape-checked here; expressions.ts checks them.
 */
type Schema = Record<string, unknown>;

const ID = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', minLength: 1, maxLength: 64 };
const EXPRESSION = { type: 'string', minLength: 1, maxLength: 2000 };
const TEXT = { type: 'string', minLength: 1, maxLength: 2000 };
const GRADE = { type: 'string', minLength: 1, maxLength: 16 };
const FINITE = { type: 'number', minimum: -1e9, maximum: 1e9 };
const NUMBER_OR_EXPRESSION = { anyOf: [FINITE, EXPRESSION] };

function object(properties: Record<string, Schema>, required: string[]): Schema {
  return { type: 'object', additionalProperties: false, properties, required };
}

const recordTypeCode = { type: 'string', minLength: 1, maxLength: 64 };

const pointRule = object(
  {
    id: ID,
    // Codes are checked against the catalogue by the compiler, which names the offending one.
    recordTypes: { type: 'array', minItems: 1, maxItems: RECORD_TYPE_CODES.length, uniqueItems: true, items: recordTypeCode },
    when: EXPRESSION,
    points: NUMBER_OR_EXPRESSION,
    validity: {
      type: 'object',
      discriminator: { propertyName: 'kind' },
      oneOf: [
        object({ kind: { const: 'cycle' } }, ['kind']),
        object({ kind: { const: 'months' }, months: { type: 'integer', minimum: 1, maximum: 120 } }, ['kind', 'months']),
      ],
    },
    cap: { type: 'number', exclusiveMinimum: 0, maximum: 1e9 },
    tally: ID,
    basis: TEXT,
  },
  ['id', 'recordTypes', 'points', 'validity', 'basis'],
);

const pointsScoring = object(
  {
    kind: { const: 'points' },
    base: NUMBER_OR_EXPRESSION,
    floor: FINITE,
    ceiling: FINITE,
    bonusCeiling: { type: 'number', minimum: 0, maximum: 1e9 },
    rules: { type: 'array', maxItems: 500, items: pointRule },
  },
  ['kind', 'base', 'floor', 'ceiling', 'rules'],
);

const WEIGHT = { type: 'number', exclusiveMinimum: 0, maximum: 1000 };

/** Exactly one of `value` (CEL) and `assessments` (multi-assessor weights): the compiler checks it and names the indicator. */
const indicator = object(
  {
    id: ID,
    weight: WEIGHT,
    value: EXPRESSION,
    assessments: object(
      {
        // Roles are checked against ASSESSOR_ROLES by the compiler, which names the offending one.
        roles: {
          type: 'array',
          minItems: 1,
          maxItems: 20,
          items: object({ role: { type: 'string', minLength: 1, maxLength: 64 }, weight: WEIGHT }, ['role', 'weight']),
        },
        whenMissing: { enum: ['reweight', 'zero'] },
      },
      ['roles', 'whenMissing'],
    ),
    drillDown: object(
      {
        recordTypes: { type: 'array', minItems: 1, maxItems: RECORD_TYPE_CODES.length, uniqueItems: true, items: recordTypeCode },
        when: EXPRESSION,
      },
      ['recordTypes'],
    ),
    basis: TEXT,
  },
  ['id', 'weight', 'basis'],
);

const indicatorScoring = object(
  {
    kind: { const: 'indicators' },
    scale: { enum: [100, 1000] },
    indicators: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      items: indicator,
    },
  },
  ['kind', 'scale', 'indicators'],
);

export const SCHEME_DOCUMENT_SCHEMA: Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  ...object(
    {
      id: ID,
      name: object({ zh: { type: 'string', minLength: 1, maxLength: 200 }, en: { type: 'string', minLength: 1, maxLength: 200 } }, ['zh', 'en']),
      sources: { type: 'array', minItems: 1, maxItems: 50, items: TEXT },
      subjectKinds: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...SUBJECT_KINDS] } },
      regions: { type: 'array', minItems: 1, maxItems: 100, uniqueItems: true, items: { type: 'string', pattern: '^\\d{6}$' } },
      // Codes are checked against @domain/credit SECTORS by the compiler, which names the offending one.
      sectors: { type: 'array', maxItems: SECTORS.length, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 } },
      gradesRegisteredSubjects: { type: 'boolean' },
      cycle: {
        type: 'object',
        discriminator: { propertyName: 'kind' },
        oneOf: [
          object({ kind: { enum: ['year', 'half', 'quarter', 'month', 'week'] } }, ['kind']),
          object({ kind: { const: 'rolling' }, months: { type: 'integer', minimum: 1, maximum: 60 } }, ['kind', 'months']),
        ],
      },
      scoring: { type: 'object', discriminator: { propertyName: 'kind' }, oneOf: [pointsScoring, indicatorScoring] },
      ladder: object(
        {
          id: { type: 'string', pattern: '^[a-zA-Z0-9][a-zA-Z0-9-]{0,63}$' },
          grades: { type: 'array', minItems: 2, maxItems: 50, items: GRADE },
          tiers: {
            type: 'array',
            minItems: 1,
            maxItems: 50,
            items: object({ name: { type: 'string', minLength: 1, maxLength: 32 }, grades: { type: 'array', minItems: 1, maxItems: 50, items: GRADE } }, [
              'name',
              'grades',
            ]),
          },
          rungs: {
            type: 'array',
            minItems: 1,
            maxItems: 50,
            items: object({ grade: { type: 'string', minLength: 1, maxLength: 16 }, min: FINITE, max: FINITE, when: EXPRESSION }, ['grade']),
          },
        },
        ['id', 'rungs'],
      ),
      adjustments: {
        type: 'array',
        maxItems: 50,
        items: object(
          { id: ID, when: EXPRESSION, effect: { enum: ['set', 'at-most', 'at-least'] }, grade: { type: 'string', minLength: 1, maxLength: 16 }, basis: TEXT },
          ['id', 'when', 'effect', 'grade', 'basis'],
        ),
      },
      triggers: { type: 'array', maxItems: 50, items: object({ id: ID, when: EXPRESSION, basis: TEXT }, ['id', 'when', 'basis']) },
      notes: { type: 'array', maxItems: 50, items: TEXT },
    },
    ['id', 'name', 'sources', 'subjectKinds', 'regions', 'cycle', 'scoring', 'ladder'],
  ),
};
