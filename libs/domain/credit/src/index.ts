export {
  SUBJECT_KINDS,
  type SubjectKind,
  type SubjectRef,
  type SubjectIdContext,
  type SubjectIdFailureReason,
  isSubjectKind,
  subjectIdOf,
  subjectRefOf,
  sameSubject,
} from './subject';
export { SEVERITIES, type Severity, type PublicityPeriod, type PublicityWindow, PUBLICITY_PERIODS, isSeverity, publicityWindow } from './severity';
export {
  GRADE_LADDERS,
  GRADE_LADDER_IDS,
  type GradeLadderId,
  type GradeOf,
  type Grade,
  isGradeLadderId,
  isGradeOf,
  gradeRank,
  compareGrades,
  type Ladder,
  type LadderTier,
  tierOf,
  gradeLabelZh,
} from './grade-ladder';
export { CREDIT_LIST_TYPES, CREDIT_LIST_EFFECTS, CREDIT_LIST_NAMES, type CreditListType, type CreditListEffect, isCreditListType } from './credit-list';
export { RECORD_TYPE_CODES, RECORD_TYPE_CODES_V1, type RecordTypeCode, type RecordTypeCodeV1, isRecordTypeCode } from './record-type';
export { SECTORS, SECTOR_NAMES, ROAD_TRANSPORT_SECTORS, type Sector, isSector } from './sector';
export { ASSESSOR_ROLES, ASSESSOR_ROLE_NAMES, type AssessorRole, isAssessorRole } from './assessor-role';
