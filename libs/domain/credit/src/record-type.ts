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
  /** 船舶进出港作业 (catalogue v2): a vessel's call at a port, counted by green lists (Taicang, seed 003). */
  'vessel-port-call',
  /** 船舶过闸记录 (catalogue v2): lock-passage behaviour and time (seed 004 案例13 广西长洲船闸; 案例19 三峡通航管理). */
  'lock-passage',
  /**
   * 船舶安全检查 (catalogue v2): defects and detention found by a maritime inspection (seed 004 案例6 浙江,
   * 案例19 信用长江; seed 003 太仓 "两年无安检滞留" reads its `detained`).
   */
  'ship-safety-inspection',
  /** 船舶水污染物交付 (catalogue v2): pollutants handed ashore, the basis of 绿水积分 (seed 004 案例6 浙江). */
  'pollutant-delivery',
  /**
   * 缴纳罚款凭证 (catalogue v2, not public): a penalty's fine paid, shared so a repair verifies the
   * payment instead of asking for a receipt (seed 004 天津 数据核验).
   */
  'fine-payment',
] as const;

/** The record types of catalogue version 1 (collection keeps v1 immutable; later types came with v2). */
export const RECORD_TYPE_CODES_V1 = RECORD_TYPE_CODES.slice(0, 11) as readonly RecordTypeCodeV1[];
export type RecordTypeCodeV1 = Exclude<
  RecordTypeCode,
  'credit-assessment' | 'bid-award' | 'vessel-port-call' | 'lock-passage' | 'ship-safety-inspection' | 'pollutant-delivery' | 'fine-payment'
>;

export type RecordTypeCode = (typeof RECORD_TYPE_CODES)[number];

export function isRecordTypeCode(value: string): value is RecordTypeCode {
  return (RECORD_TYPE_CODES as readonly string[]).includes(value);
}
