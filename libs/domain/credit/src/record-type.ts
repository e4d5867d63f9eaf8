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
  /**
   * 信用考核评分: one assessor unit's score of a subject (seed 004 案例11 福建: 主管部门、质量监督部门、
   * 造价管理部门、项目业主、设计咨询单位、设计审查专家 each score; catalogue v2).
   */
  'credit-assessment',
  /**
   * 中标: a bid won, with the credit grade its credit score was given under (seed 004 案例11 福建:
   * AA after 3 sections won, A after 2, bid as B; catalogue v2).
   */
  'bid-award',
] as const;

export type RecordTypeCode = (typeof RECORD_TYPE_CODES)[number];

export function isRecordTypeCode(value: string): value is RecordTypeCode {
  return (RECORD_TYPE_CODES as readonly string[]).includes(value);
}
