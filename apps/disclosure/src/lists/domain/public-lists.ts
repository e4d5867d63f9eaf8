import { CREDIT_LIST_NAMES } from '@domain/credit';
import { maskCitizenId, maskPersonName } from '@domain/identifiers';

/**
 * Lists the public may see (DOMAIN.md §6: list memberships are public). The interception white
 * list is an enforcement tool, not a published list, and stays internal.
 */
export const PUBLIC_LISTS: Readonly<Record<string, string>> = {
  red: CREDIT_LIST_NAMES.red,
  'key-watch': CREDIT_LIST_NAMES['key-watch'],
  'severe-dishonesty': CREDIT_LIST_NAMES['severe-dishonesty'],
  'bad-driver': CREDIT_LIST_NAMES['bad-driver'],
};

/**
 * Masks an individual's name and ID for publication (DOMAIN.md §1, §6: personal data of
 * individuals is masked) the one way the platform masks them everywhere (@domain/identifiers:
 * 张三丰 → 张**, 410102199003071234 → 410***********1234), so the profile, lists, search, report
 * and publication log cannot be read together to unmask a person (issue 21).
 */
export function maskPerson(name: string, id: string): { name: string; id: string } {
  return { name: maskPersonName(name), id: maskCitizenId(id) };
}

/** What the public sees of a subject on a list: enterprises and vehicles as they are, people masked. */
export function publicSubject(kind: string, id: string, name: string): { kind: string; id: string; name: string } {
  return kind === 'person' ? { kind, ...maskPerson(name, id) } : { kind, id, name };
}
