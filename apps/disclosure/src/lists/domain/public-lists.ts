/**
 * Lists the public may see (DOMAIN.md §6: list memberships are public). The interception white
 * list is an enforcement tool, not a published list, and stays internal.
 */
export const PUBLIC_LISTS: Readonly<Record<string, string>> = {
  red: '红名单',
  'key-watch': '重点关注名单',
  'severe-dishonesty': '严重失信主体名单',
  'bad-driver': '不良驾驶员名单',
};

/**
 * Masks an individual's name and ID for publication (DOMAIN.md §1, §6: personal data of
 * individuals is masked): the surname and the region and last digits of the ID stay.
 */
export function maskPerson(name: string, id: string): { name: string; id: string } {
  const chars = [...name];
  const masked = chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
  const maskedId = id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '*'.repeat(Math.max(id.length, 4));
  return { name: masked, id: maskedId };
}

/** What the public sees of a subject on a list: enterprises and vehicles as they are, people masked. */
export function publicSubject(kind: string, id: string, name: string): { kind: string; id: string; name: string } {
  return kind === 'person' ? { kind, ...maskPerson(name, id) } : { kind, id, name };
}
