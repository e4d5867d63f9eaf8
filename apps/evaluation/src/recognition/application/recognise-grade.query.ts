/** A partner's grade (`partnerGrade`) read on our ladder through recognition table `tableId`. */
export interface RecogniseGradeQuery {
  tableId: string;
  partnerGrade: string;
}
