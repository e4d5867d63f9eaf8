/**
 * Lists behind joint rewards and punishments (联合奖惩, DOMAIN.md §4). Entry needs prior notice
 * and a decision; each entry has a basis, a start and an end.
 */
export const CREDIT_LIST_TYPES = [
  /** 红名单: trustworthy subjects. */
  'red',
  /** 重点关注名单 / 重点监管名单: repeated or serious-but-not-severe dishonesty. */
  'key-watch',
  /** 严重失信主体名单 (黑名单). */
  'severe-dishonesty',
  /** 不良驾驶员名单, e.g. Nanyang: two consecutive B cycles or 20 points in one cycle. */
  'bad-driver',
  /** 拦截白名单: vehicles that en-route checks let pass. */
  'interception-whitelist',
] as const;

export type CreditListType = (typeof CREDIT_LIST_TYPES)[number];

export type CreditListEffect = 'reward' | 'punishment';

/** Whether being on the list helps or hurts the subject. */
export const CREDIT_LIST_EFFECTS: Readonly<Record<CreditListType, CreditListEffect>> = Object.freeze({
  red: 'reward',
  'key-watch': 'punishment',
  'severe-dishonesty': 'punishment',
  'bad-driver': 'punishment',
  'interception-whitelist': 'reward',
});

/** The lists' names as the public and applicants read them (DOMAIN.md glossary). */
export const CREDIT_LIST_NAMES: Readonly<Record<CreditListType, string>> = Object.freeze({
  red: '红名单',
  'key-watch': '重点关注名单',
  'severe-dishonesty': '严重失信主体名单',
  'bad-driver': '不良驾驶员名单',
  'interception-whitelist': '拦截白名单',
});

export function isCreditListType(value: string): value is CreditListType {
  return (CREDIT_LIST_TYPES as readonly string[]).includes(value);
}
