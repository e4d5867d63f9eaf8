import { parseRegionCode, regionContains } from '@domain/identifiers';
import type { Principal } from '@platform/auth';
import { DomainError, FieldViolation } from '@platform/errors';
import { compileScheme, CompiledScheme } from '../../engine/domain/compile-scheme';
import type { SchemeDocument } from '../../engine/domain/scheme-document';
import { SchemeErrorCode } from '../domain/scheme-errors';

/** An uploaded document (JSON text) compiled, or refused with every problem under `document.…`. */
export function compileUploadedScheme(id: string, documentJson: string): CompiledScheme {
  let input: unknown;
  try {
    input = JSON.parse(documentJson);
  } catch {
    throw DomainError.validation(SchemeErrorCode.Invalid, [{ field: 'document', message: 'is not valid JSON', code: 'MALFORMED' }]);
  }
  const result = compileScheme(input);
  if (!result.ok) {
    const violations: FieldViolation[] = result.problems.map((p) => ({ field: `document.${p.field}`, message: p.message, code: p.code }));
    throw DomainError.validation(SchemeErrorCode.Invalid, violations, `The scheme has ${violations.length} problem(s); nothing was stored.`);
  }
  if (result.scheme.document.id !== id) {
    throw DomainError.validation(SchemeErrorCode.IdMismatch, [{ field: 'document.id', message: `must be "${id}", the scheme in the path`, code: 'MISMATCH' }]);
  }
  return result.scheme;
}

export function compileUpload(id: string, documentJson: string): SchemeDocument {
  return compileUploadedScheme(id, documentJson).document;
}

/** A regulator acts only for regions inside its own (a province for its cities, not for another province). */
export function assertSchemeRegions(principal: Principal, document: SchemeDocument): void {
  const scope = parseRegionCode(principal.region);
  document.regions.forEach((region, i) => {
    const target = parseRegionCode(region);
    if (!target.ok)
      throw DomainError.validation(SchemeErrorCode.Invalid, [{ field: `document.regions[${i}]`, message: target.message, code: 'INVALID_REGION' }]);
    if (!scope.ok || !regionContains(scope.value, target.value)) {
      throw new DomainError(SchemeErrorCode.RegionForbidden, 'forbidden', `Region ${region} is outside the client's region ${principal.region}.`, [
        { field: `document.regions[${i}]`, message: `outside the client's region ${principal.region}`, code: 'REGION_FORBIDDEN' },
      ]);
    }
  });
}
