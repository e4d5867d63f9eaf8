import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldViolation, PlatformErrorCode } from '@platform/errors';

/**
 * DTO validation at the edge: unknown fields are refused (not silently dropped), and every
 * violation is reported with its dotted field path.
 */
export function edgeValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
