/** The four kinds of subject the registry keeps, as they appear in paths, import lines and gRPC calls. */
export const REGISTRATION_KINDS = ['enterprise', 'vehicle', 'driver', 'vessel'] as const;
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];

export function isRegistrationKind(value: unknown): value is RegistrationKind {
  return typeof value === 'string' && (REGISTRATION_KINDS as readonly string[]).includes(value);
}
