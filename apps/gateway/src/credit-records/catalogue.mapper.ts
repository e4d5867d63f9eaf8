import { collectionV1 } from '@contracts';
import { JsonValue, parseJson } from '../json';

/** GET /api/v1/catalog/record-types. */
export interface RecordTypesBody {
  version: number;
  effectiveFrom: string;
  recordTypes: RecordTypeBody[];
}

export interface RecordTypeBody {
  code: string;
  name: { zh: string; en: string };
  category: string;
  subjectKinds: string[];
  severities: string[];
  isPublic: boolean;
  /** The publicity rule; null for a record type that is not published. */
  publicity: JsonValue;
  /** null when the record type has no timeliness rule (0 on the wire). */
  timelinessWorkingDays: number | null;
  submitScopes: string[];
  /** The JSON Schema of the record type's payload. */
  payloadSchema: JsonValue;
}

export function toRecordTypesBody(catalogue: collectionV1.ListRecordTypesResponse): RecordTypesBody {
  return {
    version: catalogue.version,
    effectiveFrom: catalogue.effectiveFrom,
    recordTypes: catalogue.recordTypes.map(toRecordTypeBody),
  };
}

function toRecordTypeBody(t: collectionV1.RecordType): RecordTypeBody {
  return {
    code: t.code,
    name: { zh: t.nameZh, en: t.nameEn },
    category: t.category,
    subjectKinds: t.subjectKinds,
    severities: t.severities,
    isPublic: t.isPublic,
    publicity: t.publicityJson ? parseJson(t.publicityJson) : null,
    timelinessWorkingDays: t.timelinessWorkingDays || null,
    submitScopes: t.submitScopes,
    payloadSchema: parseJson(t.payloadSchemaJson),
  };
}
