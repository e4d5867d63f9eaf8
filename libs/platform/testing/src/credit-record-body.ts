import { randomBytes } from 'node:crypto';
import { defineFactory } from './factory';
import { daysAgo, makeUscc } from './test-data';

const ZHENGZHOU_TRANSPORT_BUREAU_USCC = '11410100005252717P';

/** Body of POST /api/v1/credit-records: a valid penalty of catalogue v1 about a fresh Zhengzhou carrier, decided yesterday. */
export const creditRecordBody = defineFactory((n) => ({
  recordType: 'administrative-penalty',
  subject: { kind: 'org', id: makeUscc(), name: `郑州测试运输有限公司${n}` },
  region: '410100',
  severity: 'general',
  decisionDate: daysAgo(1),
  documentNumber: `郑交执罚〔2026〕${1000 + n}号`,
  sourceRecordId: `src-${n}-${randomBytes(3).toString('hex')}`,
  payload: {
    facts: '未按许可路线行驶',
    penaltyCategories: ['fine'],
    penaltyBasis: '《超限运输车辆行驶公路管理规定》第四十三条',
    penaltyContent: '罚款人民币伍仟元',
    fineAmountFen: 500_000,
    authority: '郑州市交通运输局',
    authorityUscc: ZHENGZHOU_TRANSPORT_BUREAU_USCC,
  } as Record<string, unknown>,
}));
