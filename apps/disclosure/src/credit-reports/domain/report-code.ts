import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O, U — easy to read aloud and to type from paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REPORT_CODE_LENGTH = 12;

/** A random verification code (60 bits): unguessable, so codes cannot be enumerated. */
export function newReportCode(): string {
  return Array.from(randomBytes(REPORT_CODE_LENGTH), (b) => ALPHABET[b & 31]).join('');
}

/** Normalises what someone typed from a printed report; undefined when it cannot be a code. */
export function parseReportCode(raw: string): string | undefined {
  const code = raw.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return new RegExp(`^[${ALPHABET}]{${REPORT_CODE_LENGTH}}$`).test(code) ? code : undefined;
}

/** The portal's verification page for a report (what a person reaches by scanning its QR code). */
export function reportVerifyUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/#/reports/${code}`;
}
