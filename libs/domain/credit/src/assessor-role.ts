/**
 * The units that score a subject in a multi-assessor credit assessment (信用考核), seed 004 案例11
 * 福建: "参与信用评价的单位包括相关主管部门、质量监督部门、造价管理部门、项目业主、设计咨询单位、设计审查专家".
 * A `credit-assessment` record names one of them; a scheme weights them (IndicatorScoring).
 */
export const ASSESSOR_ROLES = [
  /** 相关主管部门 (e.g. a city transport bureau). */
  'competent-authority',
  /** 质量监督部门. */
  'quality-supervision',
  /** 造价管理部门. */
  'cost-management',
  /** 项目业主. */
  'project-owner',
  /** 设计咨询单位. */
  'design-consultant',
  /** 设计审查专家. */
  'design-review-expert',
] as const;

export type AssessorRole = (typeof ASSESSOR_ROLES)[number];

export const ASSESSOR_ROLE_NAMES: Readonly<Record<AssessorRole, string>> = Object.freeze({
  'competent-authority': '相关主管部门',
  'quality-supervision': '质量监督部门',
  'cost-management': '造价管理部门',
  'project-owner': '项目业主',
  'design-consultant': '设计咨询单位',
  'design-review-expert': '设计审查专家',
});

export function isAssessorRole(value: string): value is AssessorRole {
  return (ASSESSOR_ROLES as readonly string[]).includes(value);
}
