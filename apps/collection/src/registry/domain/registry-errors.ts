/** Stable codes for subject registry errors; mapped once per transport (gRPC status, problem+json). */
export const RegistryErrorCode = {
  /** A registration (or an import line) breaks a rule: every field problem is named. */
  Invalid: 'REGISTRY.INVALID',
  /** The key in the path is not a valid USCC, plate:colour, citizen ID or ship identification number. */
  InvalidKey: 'REGISTRY.INVALID_KEY',
  NotFound: 'REGISTRY.NOT_FOUND',
  /** An import body with no lines, or more than the limit. */
  ImportEmpty: 'REGISTRY.IMPORT_EMPTY',
  ImportTooLarge: 'REGISTRY.IMPORT_TOO_LARGE',
  InvalidCursor: 'REQUEST.INVALID_CURSOR',
  InvalidLimit: 'REQUEST.INVALID_LIMIT',
} as const;
