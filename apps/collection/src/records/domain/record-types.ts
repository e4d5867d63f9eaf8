import type { RecordTypeCode } from '@domain/credit';

/**
 * The part of the record catalogue the walking skeleton needs: which types exist and which are
 * published. The versioned catalogue as data (payload schemas, submit scopes, publicity rules)
 * is the collection issue's; this table is its seed.
 */
export interface RecordTypeRule {
  code: RecordTypeCode;
  /** Published to the public portal (双公示 covers licences and penalties). */
  isPublic: boolean;
}

export const RECORD_TYPE_RULES: Readonly<Record<RecordTypeCode, RecordTypeRule>> = {
  'administrative-licence': { code: 'administrative-licence', isPublic: true },
  'administrative-penalty': { code: 'administrative-penalty', isPublic: true },
  'credit-commitment': { code: 'credit-commitment', isPublic: true },
  'commitment-fulfilled': { code: 'commitment-fulfilled', isPublic: false },
  'commitment-broken': { code: 'commitment-broken', isPublic: true },
  'monitoring-violation': { code: 'monitoring-violation', isPublic: false },
  'confirmed-complaint': { code: 'confirmed-complaint', isPublic: false },
  commendation: { code: 'commendation', isPublic: true },
  accident: { code: 'accident', isPublic: false },
  'oversize-transport-violation': { code: 'oversize-transport-violation', isPublic: false },
  'inter-department-notice': { code: 'inter-department-notice', isPublic: false },
};

export function recordTypeRule(code: string): RecordTypeRule | undefined {
  return Object.prototype.hasOwnProperty.call(RECORD_TYPE_RULES, code) ? RECORD_TYPE_RULES[code as RecordTypeCode] : undefined;
}
