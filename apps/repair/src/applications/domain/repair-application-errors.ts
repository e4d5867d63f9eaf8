/** Stable codes for repair application errors; mapped once per transport (gRPC status, problem+json). */
export const RepairApplicationErrorCode = {
  /** 400: a field is missing or malformed (record id, commitment, evidence, outcome, reason), each named. */
  Invalid: 'REPAIR.INVALID',
  /** 404: repair holds no such record (unknown, or not yet received from collection). */
  RecordNotFound: 'REPAIR.RECORD_NOT_FOUND',
  /** 404: no such application, or not visible to the caller. */
  NotFound: 'REPAIR.APPLICATION_NOT_FOUND',
  /** 409: the record was repaired already. */
  AlreadyRepaired: 'REPAIR.ALREADY_REPAIRED',
  /** 409: the record was revoked or its publication is over: nothing to repair. */
  RecordNotInForce: 'REPAIR.RECORD_NOT_IN_FORCE',
  /** 409: an application for this record is pending already. */
  AlreadyApplied: 'REPAIR.ALREADY_APPLIED',
  /** 422: the record's type is not repairable under the rules in force. */
  NotRepairable: 'REPAIR.NOT_REPAIRABLE',
  /** 422: the minimum publicity period is not over; the violation names the date it will be. */
  MinimumPeriodNotOver: 'REPAIR.MINIMUM_PERIOD_NOT_OVER',
  /** 422: closed-loop mode needs rectification evidence. */
  EvidenceRequired: 'REPAIR.EVIDENCE_REQUIRED',
  /** 403: the caller is not the deciding authority (谁认定、谁修复: the record's authority region). */
  NotDecidingAuthority: 'REPAIR.NOT_DECIDING_AUTHORITY',
  /**
   * 409: the application was routed to the partner province that decided the record (谁认定、谁修复):
   * it belongs to another region's authority and is not decided (or revoked) locally.
   */
  RoutedToPartner: 'REPAIR.ROUTED_TO_PARTNER',
  /**
   * 409: a partner province forwarded an application about a record that is not ours to decide (a
   * record another partner pushed to us): it goes to the province that decided it.
   */
  NotDecidedHere: 'REPAIR.NOT_DECIDED_HERE',
  /** 422: a forwarded application names a subject other than the record's. */
  SubjectMismatch: 'REPAIR.SUBJECT_MISMATCH',
  /** 409: the partner's reference was used before for another application. */
  ReferenceReused: 'REPAIR.REFERENCE_REUSED',
  /** 409: the application was decided already. */
  AlreadyDecided: 'REPAIR.ALREADY_DECIDED',
  /** 409: only an approved repair can be revoked (pending, rejected or revoked already). */
  NotRevocable: 'REPAIR.NOT_REVOCABLE',
  /** 422: a repair of the subject was revoked (false commitment); it may apply again from the date named. */
  ReapplyBarred: 'REPAIR.REAPPLY_BARRED',
} as const;
