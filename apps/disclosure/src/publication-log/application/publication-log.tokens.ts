import type { EntityManager } from 'typeorm';
import { ProfileChanges } from '../infrastructure/profile-changes';

/** Announces public profiles changed by the caller's transaction, once it commits (ADR 0030). */
export const PROFILE_CHANGES = Symbol('PROFILE_CHANGES');

/** The port other features (profiles' grade projection and corrections) use to announce changed profiles. */
export interface ProfileChangesPort {
  touch(manager: EntityManager, usccs: readonly string[]): Promise<void>;
}

export const profileChangesProvider = { provide: PROFILE_CHANGES, useExisting: ProfileChanges };
