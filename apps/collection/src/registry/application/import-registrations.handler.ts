import { Injectable } from '@nestjs/common';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError, FieldViolation } from '@platform/errors';
import { maskCitizenId, maskCitizenIdsInText } from '@domain/identifiers';
import { parseImportLine, splitImport } from '../domain/import-lines';
import { PutRegistrationHandler } from './put-registration.handler';
import type { UpsertOutcome } from './registry-writer';

export interface ImportLineResult {
  line: number;
  kind: string;
  /** The key as written (a driver's masked). */
  key: string;
  outcome: UpsertOutcome | 'rejected';
  revision: number;
  errors: FieldViolation[];
}

export interface ImportRegistrationsResult {
  lineCount: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  lines: ImportLineResult[];
}

/**
 * A batch import (NDJSON, at most 1,000 lines) with per-line results, as record batches report
 * per line: each line is checked and written on its own (its own transaction, its own event), so
 * one bad line is rejected with its reasons and the others land. Lines are applied in order: an
 * import may register a carrier and then its vehicles. The same import sent again changes
 * nothing (every line `unchanged`), which makes retries safe without an Idempotency-Key.
 */
@Injectable()
export class ImportRegistrationsHandler {
  constructor(private readonly put: PutRegistrationHandler) {}

  async execute(principal: Principal, ndjson: string): Promise<ImportRegistrationsResult> {
    assertScope(principal, Scopes.RecordsWrite);
    const lines = splitImport(ndjson);
    const results: ImportLineResult[] = [];
    for (const { line, text } of lines) {
      const parsed = parseImportLine(text);
      // A driver's key is masked whatever it is; any other key if it is a citizen ID on the wrong line.
      const key = parsed.kind === 'driver' ? maskCitizenId(parsed.key) : maskCitizenIdsInText(parsed.key);
      if (!parsed.ok) {
        results.push({ line, kind: parsed.kind, key, outcome: 'rejected', revision: 0, errors: parsed.violations });
        continue;
      }
      try {
        const { view, outcome } = await this.put.execute(principal, { kind: parsed.kind, key: parsed.key, body: parsed.body }, 'import');
        results.push({ line, kind: parsed.kind, key: view.key, outcome, revision: view.revision, errors: [] });
      } catch (error) {
        // Client mistakes (validation, region) are this line's result; anything else fails the call.
        if (!(error instanceof DomainError) || !['validation', 'forbidden'].includes(error.kind)) throw error;
        const errors = error.violations.length > 0 ? [...error.violations] : [{ field: '(line)', message: error.message, code: error.code }];
        results.push({ line, kind: parsed.kind, key, outcome: 'rejected', revision: 0, errors });
      }
    }
    const count = (outcome: ImportLineResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
    return {
      lineCount: lines.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
      lines: results,
    };
  }
}
