import { citizenIdCheckCharacter, usccCheckCharacter } from '@domain/identifiers';
import { DomainError } from '@platform/errors';
import { canonicalSubjectId } from './subject-id';

const CODE = 'DECISION.INVALID_SUBJECT';
const refusal = (raw: string) => {
  try {
    canonicalSubjectId(raw, 'subjectId', CODE);
  } catch (error) {
    const e = error as DomainError;
    return { code: e.code, kind: e.kind, violations: e.violations.map((v) => `${v.field}:${v.code}`) };
  }
  return undefined;
};

describe('canonicalSubjectId (a subject id given without its kind)', () => {
  // DOMAIN.md §1: the valid examples of GB 32100 and a GB 11643 ID built with its own check rule.
  const uscc = '91350100M000100Y43';
  const first17 = '41010219900101123';
  const citizenId = first17 + citizenIdCheckCharacter(first17);

  it('returns the canonical spelling of a valid USCC or citizen ID', () => {
    expect(canonicalSubjectId(' 91350100m000100y43 ', 'subjectId', CODE)).toBe(uscc);
    expect(canonicalSubjectId(citizenId, 'subjectId', CODE)).toBe(citizenId);
    const digitsOnly = '91110108551385082';
    expect(canonicalSubjectId(digitsOnly + usccCheckCharacter(digitsOnly), 'subjectId', CODE)).toBe('91110108551385082Q');
  });

  it('refuses a malformed USCC with USCC_<reason> on the field', () => {
    expect(refusal('91350100M000100Y44')).toEqual({ code: CODE, kind: 'validation', violations: ['subjectId:USCC_CHECK_CHARACTER'] });
    expect(refusal('91350100M0')).toEqual({ code: CODE, kind: 'validation', violations: ['subjectId:USCC_LENGTH'] });
    expect(refusal('')).toEqual({ code: CODE, kind: 'validation', violations: ['subjectId:USCC_LENGTH'] });
  });

  it('refuses an 18-digit id that is neither a USCC nor a citizen ID as a citizen ID', () => {
    const wrong = first17 + (citizenId[17] === '0' ? '1' : '0');
    expect(refusal(wrong)?.violations[0]).toMatch(/^subjectId:CITIZEN_ID_/);
  });

  it('normalises vehicle keys and vessel ids the way collection stores them', () => {
    expect(canonicalSubjectId('豫A12345:yellow', 'subjectId', CODE)).toBe('豫A12345:YELLOW');
    expect(canonicalSubjectId('cn20051234567', 'subjectId', CODE)).toBe('CN20051234567');
  });
});
