import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseRegionCode, regionContains } from '@domain/identifiers';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError, FieldViolation } from '@platform/errors';
import { parseRecognitionTable, RecognitionTable, recognitionReferenceProblems, recognitionTableProblems } from '../../engine/domain/recognition';
import type { SchemeProblem } from '../../engine/domain/compile-scheme';
import { RecognitionErrorCode } from '../domain/recognition-errors';
import type { PutRecognitionTableCommand } from './put-recognition-table.command';
import { lockRecognitionTable, RecognitionTableVersion, schemesInForce, storeRecognitionTableVersion } from './recognition-table-versions';
import { RecognitionTables } from './recognition-tables';

const violations = (problems: readonly SchemeProblem[]): FieldViolation[] =>
  problems.map((p) => ({ field: `document.${p.field}`, message: p.message, code: p.code }));

/**
 * An admin uploads a new version of a recognition table, in force at once. Refused whole, nothing
 * stored: 400 RECOGNITION.INVALID when it is not JSON or not the shape of a table (or leaves a
 * partner grade unmapped / maps one twice); 422 CONFIG.DANGLING_REFERENCE naming each reference
 * that points at nothing (recognitionReferenceProblems, the check the shipped tables pass at
 * start), with `ours.schemeId` checked against the schemes in force, read in the transaction that
 * stores the version. A table is the region of its scheme (how that region reads a partner's
 * grade): an admin uploads only for a scheme whose regions lie inside their own (403
 * RECOGNITION.REGION_FORBIDDEN), the rule scheme uploads follow (assertSchemeRegions).
 */
@Injectable()
export class PutRecognitionTableHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tables: RecognitionTables,
  ) {}

  async execute(principal: Principal, command: PutRecognitionTableCommand): Promise<RecognitionTableVersion> {
    assertScope(principal, Scopes.Admin);
    const table = parseUpload(command.id, command.documentJson);
    const stored = await this.dataSource.transaction(async (manager) => {
      const { latest } = await lockRecognitionTable(manager, command.id);
      if (command.basedOnVersion > 0 && command.basedOnVersion !== latest) {
        throw DomainError.conflict(
          RecognitionErrorCode.VersionConflict,
          `The latest version of ${command.id} is ${latest}, not ${command.basedOnVersion}: another version was uploaded meanwhile.`,
        );
      }
      const dangling = recognitionReferenceProblems(table, await schemesInForce(manager));
      if (dangling.length > 0) {
        throw new DomainError(
          RecognitionErrorCode.DanglingReference,
          'precondition',
          `The recognition table refers to what does not exist (${dangling.length} reference(s)); nothing was stored. First: ${dangling[0]!.field}: ${dangling[0]!.message}`,
          violations(dangling),
        );
      }
      await assertOurRegions(manager, principal, table);
      const incomplete = recognitionTableProblems(table);
      if (incomplete.length > 0) {
        throw DomainError.validation(
          RecognitionErrorCode.Invalid,
          violations(incomplete),
          `The table has ${incomplete.length} problem(s); nothing was stored.`,
        );
      }
      await storeRecognitionTableVersion(manager, table, latest + 1, principal.clientId);
      return latest + 1;
    });
    return (await this.tables.version(command.id, stored))!;
  }
}

function parseUpload(id: string, documentJson: string): RecognitionTable {
  let input: unknown;
  try {
    input = JSON.parse(documentJson);
  } catch {
    throw DomainError.validation(RecognitionErrorCode.Invalid, [{ field: 'document', message: 'is not valid JSON', code: 'MALFORMED' }]);
  }
  const parsed = parseRecognitionTable(input);
  if (!parsed.ok)
    throw DomainError.validation(
      RecognitionErrorCode.Invalid,
      violations(parsed.problems),
      `The table has ${parsed.problems.length} problem(s); nothing was stored.`,
    );
  if (parsed.table.id !== id) {
    throw DomainError.validation(RecognitionErrorCode.IdMismatch, [
      { field: 'document.id', message: `must be "${id}", the table in the path`, code: 'MISMATCH' },
    ]);
  }
  return parsed.table;
}

/** The regions of our scheme (its version in force) must lie inside the caller's region. */
async function assertOurRegions(manager: EntityManager, principal: Principal, table: RecognitionTable): Promise<void> {
  const [row]: { regions: string[] | null }[] = await manager.query(
    `SELECT document->'regions' AS regions FROM scheme_versions WHERE scheme_id = $1 AND status = 'active'`,
    [table.ours.schemeId],
  );
  const scope = parseRegionCode(principal.region);
  for (const region of row?.regions ?? []) {
    const target = parseRegionCode(region);
    if (!scope.ok || !target.ok || !regionContains(scope.value, target.value)) {
      throw new DomainError(
        RecognitionErrorCode.RegionForbidden,
        'forbidden',
        `Scheme ${table.ours.schemeId} grades region ${region}, outside the client's region ${principal.region}.`,
        [
          {
            field: 'document.ours.schemeId',
            message: `"${table.ours.schemeId}" grades region ${region}, outside the client's region ${principal.region}`,
            code: 'REGION_FORBIDDEN',
          },
        ],
      );
    }
  }
}
