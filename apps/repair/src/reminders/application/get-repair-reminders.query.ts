export interface GetRepairRemindersQuery {
  subjectId: string;
}
