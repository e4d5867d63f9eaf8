import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidatorOptions } from 'class-validator';
import { DomainError, FieldViolation, PlatformErrorCode } from '@platform/errors';

/** The range of protobuf int32, which every integer the gateway forwards is held to. */
export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;

/**
 * DTO validation at the edge: unknown fields are refused (not silently dropped), and every
 * violation is reported with its dotted field path. Types are strict beyond class-validator's
 * own checks (StrictValidationPipe): an array is not an object, and an integer is an int32.
 */
export function edgeValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const violations = flatten(errors);
      const unknown = violations.some((v) => v.code === 'UNKNOWN_FIELD');
      return DomainError.validation(unknown ? PlatformErrorCode.UnknownField : PlatformErrorCode.InvalidBody, violations);
    },
  });
}

/**
 * class-validator lets `@ValidateNested()` pass an array (each element is validated; `[]` passes)
 * and `@IsInt()` pass 1e308 (Number.isInteger). Both reached services: `correction: []` revoked a
 * record and `basedOnVersion: 1e308` slipped past a version check. Every DTO gets these rules
 * from its existing decorators, so a new DTO is covered without remembering extra ones.
 */
export class StrictValidationPipe extends ValidationPipe {
  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    const reported = new Set(errors.map((e) => e.property));
    return [...errors, ...strictTypeErrors(object).filter((e) => !reported.has(e.property.split('.')[0]))];
  }
}

/** Strict-type violations of a transformed DTO instance, nested DTOs included (dotted property paths). */
export function strictTypeErrors(object: object, parent = '', depth = 0): ValidationError[] {
  if (depth > 32) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(object.constructor, '', true, false);
  const errors: ValidationError[] = [];
  const record = object as Record<string, unknown>;
  const error = (property: string, constraint: string, message: string) => {
    errors.push({ property: parent ? `${parent}.${property}` : property, constraints: { [constraint]: message }, children: [] });
  };
  for (const rule of metadata) {
    const value = record[rule.propertyName];
    if (value === undefined || value === null) continue;
    if (rule.type === 'nestedValidation' && !rule.each) {
      if (Array.isArray(value) || typeof value !== 'object') error(rule.propertyName, 'isObject', `${rule.propertyName} must be an object`);
      else errors.push(...strictTypeErrors(value, parent ? `${parent}.${rule.propertyName}` : rule.propertyName, depth + 1));
    } else if (rule.name === 'isInt') {
      const values = rule.each && Array.isArray(value) ? (value as unknown[]) : [value];
      if (values.some((v) => typeof v === 'number' && (!Number.isSafeInteger(v) || v < INT32_MIN || v > INT32_MAX))) {
        error(rule.propertyName, 'isInt32', `${rule.propertyName} must be an integer from ${INT32_MIN} to ${INT32_MAX}`);
      }
    }
  }
  return dedupe(errors);
}

function dedupe(errors: ValidationError[]): ValidationError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.property) && seen.add(e.property));
}

function flatten(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message,
      code: constraint === 'whitelistValidation' ? 'UNKNOWN_FIELD' : constraint.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
