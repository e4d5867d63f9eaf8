import { isIsoDate } from '@domain/calendar';
import { isSector, SECTORS, type Sector } from '@domain/credit';
import { parseRegionCode, parseUscc } from '@domain/identifiers';
import type { FieldViolation } from '@platform/errors';

/**
 * Field checks shared by the four kinds of registration. Each reads one untrusted value and
 * either returns it in canonical form or adds a violation naming the field; a validator runs all
 * of them so that one answer names every problem (as record submissions do).
 */
export class FieldChecks {
  readonly violations: FieldViolation[] = [];

  constructor(private readonly prefix = '') {}

  private field(name: string): string {
    return this.prefix ? `${this.prefix}.${name}` : name;
  }

  add(field: string, message: string, code: string): void {
    this.violations.push({ field: this.field(field), message, code });
  }

  /** A trimmed string of 1..max characters; '' when missing (a violation if required). */
  text(value: unknown, field: string, max: number, required: boolean): string | null {
    if (value === undefined || value === null || value === '') {
      if (required) this.add(field, 'is required', 'REQUIRED');
      return null;
    }
    if (typeof value !== 'string') {
      this.add(field, 'must be a string', 'NOT_A_STRING');
      return null;
    }
    const text = value.trim();
    if (text === '') {
      if (required) this.add(field, 'is required', 'REQUIRED');
      return null;
    }
    if ([...text].length > max) {
      this.add(field, `at most ${max} characters`, 'TOO_LONG');
      return null;
    }
    if (text.includes('\u0000')) {
      this.add(field, 'must not contain U+0000', 'NUL_CHARACTER');
      return null;
    }
    return text;
  }

  /** GB/T 2260 region code (6 digits with a province prefix). */
  region(value: unknown, field = 'region'): string | null {
    const text = this.text(value, field, 6, true);
    if (text === null) return null;
    const parsed = parseRegionCode(text);
    if (!parsed.ok) {
      this.add(field, parsed.message, `INVALID_REGION`);
      return null;
    }
    return parsed.value;
  }

  /** An optional USCC (GB 32100-2015, check character verified), normalised. */
  uscc(value: unknown, field: string, required = false): string | null {
    const text = this.text(value, field, 64, required);
    if (text === null) return null;
    const parsed = parseUscc(text);
    if (!parsed.ok) {
      this.add(field, parsed.message, `INVALID_USCC`);
      return null;
    }
    return parsed.value;
  }

  /** An optional ISO date YYYY-MM-DD that exists (and, for a date that has happened, is not after `notAfter`). */
  date(value: unknown, field: string, notAfter?: string): string | null {
    const text = this.text(value, field, 10, false);
    if (text === null) return null;
    if (!isIsoDate(text)) {
      this.add(field, 'must be a date YYYY-MM-DD', 'INVALID_DATE');
      return null;
    }
    if (notAfter !== undefined && text > notAfter) {
      this.add(field, `is after today (${notAfter})`, 'IN_THE_FUTURE');
      return null;
    }
    return text;
  }

  /** Sector codes of @domain/credit SECTORS, deduplicated and in SECTORS order. */
  sectors(value: unknown, field: string): Sector[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.add(field, 'must be an array of sector codes', 'NOT_AN_ARRAY');
      return [];
    }
    const sectors = new Set<Sector>();
    value.forEach((item, i) => {
      if (typeof item === 'string' && isSector(item)) sectors.add(item);
      else this.add(`${field}[${i}]`, `"${String(item)}" is not a sector code (road-passenger, hazardous-goods, general-cargo, …)`, 'UNKNOWN_SECTOR');
    });
    return sortSectors([...sectors]);
  }

  boolean(value: unknown, field: string, fallback: boolean): boolean {
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') {
      this.add(field, 'must be true or false', 'NOT_A_BOOLEAN');
      return fallback;
    }
    return value;
  }

  /** An optional non-negative number (integer if asked), at most `max`. */
  number(value: unknown, field: string, options: { integer: boolean; max: number }): number | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > options.max || (options.integer && !Number.isInteger(value))) {
      this.add(field, `must be a${options.integer ? 'n integer' : ' number'} from 0 to ${options.max}`, 'OUT_OF_RANGE');
      return null;
    }
    return value;
  }

  /** Fields of `raw` outside `known` are refused (a typo would otherwise be dropped silently). */
  onlyKnown(raw: Record<string, unknown>, known: readonly string[]): void {
    for (const key of Object.keys(raw)) {
      if (!known.includes(key)) this.add(key, 'is not a field of this registration', 'UNKNOWN_FIELD');
    }
  }
}

/** Sectors in SECTORS order: the canonical order, so equal sets compare equal. */
export function sortSectors(sectors: Iterable<Sector>): Sector[] {
  const set = new Set(sectors);
  return SECTORS.filter((s) => set.has(s));
}

/** A plain object (not an array, not null), or undefined. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
