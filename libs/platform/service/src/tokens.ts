/** Injection tokens of the service runtime. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_DEFINITION = Symbol('SERVICE_DEFINITION');
export const JETSTREAM = Symbol('JETSTREAM');
