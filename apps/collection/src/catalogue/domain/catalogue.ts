import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FieldViolation } from '@platform/errors';
import type { CatalogueDocument, RecordTypeDefinition } from './record-type-definition';

/**
 * One catalogue version, ready to validate: every payload schema compiled once (ajv, strict
 * mode, so a schema with a typo is refused when the version is loaded, not when a record
 * arrives).
 */
export class Catalogue {
  private readonly byCode = new Map<string, RecordTypeDefinition>();
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: CatalogueDocument) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    for (const definition of document.recordTypes) {
      if (this.byCode.has(definition.code)) throw new Error(`catalogue v${document.version}: ${definition.code} defined twice`);
      this.byCode.set(definition.code, definition);
      this.validators.set(definition.code, ajv.compile(definition.payloadSchema));
    }
  }

  get version(): number {
    return this.document.version;
  }

  definition(code: string): RecordTypeDefinition | undefined {
    return this.byCode.get(code);
  }

  /** Violations of the type's payload schema, with `payload.`-prefixed field paths. */
  payloadViolations(code: string, payload: unknown): FieldViolation[] {
    const validate = this.validators.get(code);
    if (!validate) return [{ field: 'recordType', message: `unknown record type "${code}"`, code: 'UNKNOWN_TYPE' }];
    if (validate(payload)) return [];
    return (validate.errors ?? []).map(toViolation);
  }
}

function toViolation(error: ErrorObject): FieldViolation {
  const path = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') path.push(String(error.params['missingProperty']));
  if (error.keyword === 'additionalProperties') {
    path.push(String(error.params['additionalProperty']));
    return { field: ['payload', ...path].join('.'), message: 'is not a field of this record type', code: 'UNKNOWN_FIELD' };
  }
  return { field: ['payload', ...path].join('.'), message: error.message ?? 'is invalid', code: `SCHEMA_${error.keyword.toUpperCase()}` };
}
