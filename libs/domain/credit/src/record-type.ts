/**
 * Record types that collection (信用信息归集) accepts from source units (DOMAIN.md §2). The
 * catalogue (目录) adds per-type fields, submit scopes and publicity; these codes are its keys.
 */
export const RECORD_TYPE_CODES = [
  /** 行政许可 (双公示). */
  'administrative-licence',
  /** 行政处罚 (双公示). */
  'administrative-penalty',
  /** 信用承诺 signed. */
  'credit-commitment',
  'commitment-fulfilled',
  'commitment-broken',
  /** Alarms from vehicle monitoring platforms (speeding, fatigue, monitor off…). */
  'monitoring-violation',
  /** Complaints confirmed after hotline 12328 / 12345 handling. */
  'confirmed-complaint',
  /** 表彰奖励. */
  'commendation',
  /** 责任事故. */
  'accident',
  /** 大件运输 permit violations (off route, no permit, no escort…). */
  'oversize-transport-violation',
  /** 抄告: notices from other departments or cities. */
  'inter-department-notice',
  /** 船舶进出港作业 (catalogue v2): a vessel's call at a port, counted by green lists (Taicang, seed 003). */
  'vessel-port-call',
  /** 船舶安全检查滞留 (catalogue v2): a vessel detained after a safety inspection (seed 003 太仓 "两年无安检滞留"). */
  'safety-inspection-detention',
] as const;

/** The record types of catalogue version 1 (collection keeps v1 immutable; later types came with v2). */
export const RECORD_TYPE_CODES_V1 = RECORD_TYPE_CODES.slice(0, 11) as readonly RecordTypeCodeV1[];
export type RecordTypeCodeV1 = Exclude<RecordTypeCode, 'vessel-port-call' | 'safety-inspection-detention'>;

export type RecordTypeCode = (typeof RECORD_TYPE_CODES)[number];

export function isRecordTypeCode(value: string): value is RecordTypeCode {
  return (RECORD_TYPE_CODES as readonly string[]).includes(value);
}
