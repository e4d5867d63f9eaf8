import { inForcePlan, withdrawalPlan, type HeldPartnerRecord } from './partner-feed-record';

const facts = { severity: 'general' as const, decisionDate: '2026-11-02', documentNumber: '郑交执罚〔2026〕1001号', subjectName: '武汉某运输有限公司' };
const held = (extra: Partial<HeldPartnerRecord> = {}): HeldPartnerRecord => ({ ...facts, status: 'active', partnerVersion: 2, ...extra });

describe('a partner feed record applied to the one held (ADR 0086)', () => {
  describe('in force', () => {
    it('a version not newer than the one applied changes nothing (a replay, or an older state after a newer)', () => {
      expect(inForcePlan(held(), { ...facts, severity: 'severe' }, 2)).toEqual({ kind: 'unchanged' });
      expect(inForcePlan(held(), facts, 1)).toEqual({ kind: 'unchanged' });
    });

    it('a newer version corrected at the source carries the changed facts', () => {
      expect(inForcePlan(held(), { ...facts, severity: 'severe' }, 3)).toEqual({
        kind: 'apply',
        restore: false,
        changes: { severity: { from: 'general', to: 'severe' } },
      });
    });

    it('repaired here, in force again at the source (its repair revoked there): restored', () => {
      expect(inForcePlan(held({ status: 'repaired' }), facts, 3)).toEqual({ kind: 'apply', restore: true, changes: {} });
    });

    it('revoked or expired here: not restored, for review', () => {
      expect(inForcePlan(held({ status: 'revoked' }), facts, 3)).toMatchObject({ kind: 'not-restored' });
      expect(inForcePlan(held({ status: 'expired' }), facts, 3)).toMatchObject({ kind: 'not-restored' });
    });

    it('a pushed record never seen in the feed (no version) takes the first feed version', () => {
      expect(inForcePlan(held({ partnerVersion: null }), facts, 1)).toEqual({ kind: 'apply', restore: false, changes: {} });
    });
  });

  describe('withdrawn', () => {
    it('repaired at the source: repaired here, the source reason kept', () => {
      expect(withdrawalPlan(held(), 'repair', 3)).toEqual({ kind: 'withdraw', status: 'repaired', reason: 'withdrawn at the source: repair' });
    });

    it('revoked at the source, or its maximum publicity period over: revoked here with that reason', () => {
      expect(withdrawalPlan(held(), 'revoked: 处罚决定已被依法撤销', 3)).toEqual({
        kind: 'withdraw',
        status: 'revoked',
        reason: 'withdrawn at the source: revoked: 处罚决定已被依法撤销',
      });
      expect(withdrawalPlan(held({ status: 'corrected' }), 'maximum publicity period', 3)).toMatchObject({ status: 'revoked' });
    });

    it('no longer in force here, or an older version: nothing', () => {
      expect(withdrawalPlan(held({ status: 'revoked' }), 'repair', 3)).toEqual({ kind: 'unchanged' });
      expect(withdrawalPlan(held(), 'repair', 2)).toEqual({ kind: 'unchanged' });
    });
  });
});
