import { chinaDateOf } from '@domain/calendar';
import { normaliseCode, parseCitizenId, parseUscc } from '@domain/identifiers';
import { DomainError } from '@platform/errors';

/** 17 digits and a digit or X: the shape of a citizen ID (GB 11643), which a USCC may share. */
const CITIZEN_ID_SHAPE = /^\d{17}[\dX]$/;

/**
 * The canonical spelling of a subject id given without its kind (the decision API's
 * `subjectId`), or a 400 naming `field` the way record submission names a bad subject id
 * (`USCC_<reason>`, `CITIZEN_ID_<reason>`). A vehicle key (`plate:colour`) and a vessel id
 * (`CN…`) are normalised as collection stores them; anything else is an organisation's USCC or a
 * person's citizen ID and must be a valid one, so a malformed USCC is refused here instead of
 * being looked up and reported unknown (issue 16).
 */
export function canonicalSubjectId(raw: string, field: string, code: string): string {
  const value = normaliseCode(raw);
  if (value.includes(':') || /^CN\d/.test(value)) return value;
  if (CITIZEN_ID_SHAPE.test(value)) {
    const uscc = parseUscc(value);
    if (uscc.ok) return uscc.value;
    const person = parseCitizenId(value, chinaDateOf(new Date()));
    if (person.ok) return person.value;
    throw DomainError.validation(code, [{ field, message: person.message, code: `CITIZEN_ID_${person.reason}` }]);
  }
  const uscc = parseUscc(value);
  if (uscc.ok) return uscc.value;
  throw DomainError.validation(code, [{ field, message: uscc.message, code: `USCC_${uscc.reason}` }]);
}
