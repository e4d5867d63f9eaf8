/** A valid administrative-penalty payload of catalogue v1, for the domain tests of this folder. */
export const PENALTY_PAYLOAD = {
  facts: '超限运输',
  penaltyCategories: ['fine'],
  penaltyBasis: '《公路法》第七十六条',
  penaltyContent: '罚款人民币叁万元',
  fineAmountFen: 3_000_000,
  authority: '郑州市交通运输局',
  authorityUscc: '11410100005252717P',
};
