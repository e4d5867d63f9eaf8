import type { EvaluationSchemePublishedV1 } from '@contracts';
import type { KnownScheme } from './config-problem';

/** A scheme as joint measures keeps it, from evaluation's announcement of a version in force. */
export function knownSchemeOf(event: EvaluationSchemePublishedV1): KnownScheme {
  return {
    schemeId: event.schemeId,
    version: event.version,
    ladderId: event.ladder.id,
    grades: [...event.ladder.grades],
    sectors: [...(event.sectors ?? [])],
    regions: [...event.regions],
  };
}
