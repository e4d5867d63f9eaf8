import { randomBytes } from 'node:crypto';
import { usccCheckCharacter } from '@domain/identifiers';
import { defineFactory } from '@platform/testing';

/** A valid USCC for a Zhengzhou enterprise, different on every call. */
export function makeUscc(region = '410100'): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const organisation = Array.from(randomBytes(9), (b) => alphabet[b % 31]).join('');
  const first17 = `91${region}${organisation}`;
  return first17 + usccCheckCharacter(first17);
}

const ZHENGZHOU_TRANSPORT_BUREAU_USCC = '11410100005252717P';

/** Body of POST /api/v1/credit-records: a valid penalty of catalogue v1. */
export const creditRecordBody = defineFactory((n) => ({
  recordType: 'administrative-penalty',
  subject: { kind: 'org', id: makeUscc(), name: `郑州测试运输有限公司${n}` },
  region: '410100',
  severity: 'general',
  decisionDate: new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10),
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
