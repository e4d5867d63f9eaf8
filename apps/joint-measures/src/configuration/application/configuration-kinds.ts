import { DomainError } from '@platform/errors';
import { checkDrawPlans, drawPlanSetSchema, type DrawPlan } from '../../draws/domain/draw-plan';
import { checkEntryRules, parseEntryRules, type EntryRule } from '../../entry-rules/domain/entry-rule';
import { SHIPPED_ENTRY_RULES } from '../../entry-rules/domain/shipped-entry-rules';
import { checkMeasureCatalogue, parseMeasureCatalogue, type MeasureCatalogueDocument } from '../../measures/domain/measure-config';
import { SHIPPED_MAPPINGS, SHIPPED_MEASURES } from '../../measures/domain/shipped-measures';
import { SHIPPED_DRAW_PLANS } from '../../draws/domain/draw-plan';
import type { CheckedItem, ConfigProblem, SchemeCatalogue } from '../domain/config-problem';
import { ConfigurationErrorCode } from '../domain/configuration-errors';
import { CONFIG_KINDS, type ConfigKind } from '../domain/shipped-configuration';

/** A document of a kind checked against the known schemes: its items with their status, and the problems of the whole. */
export interface CheckedDocument {
  items: CheckedItem<unknown>[];
  problems: ConfigProblem[];
}

export function isConfigKind(value: string): value is ConfigKind {
  return (CONFIG_KINDS as readonly string[]).includes(value);
}

export function assertConfigKind(value: string): ConfigKind {
  if (!isConfigKind(value)) throw DomainError.validation(ConfigurationErrorCode.UnknownKind, [{ field: 'kind', message: `one of ${CONFIG_KINDS.join(', ')}` }]);
  return value;
}

/** What each kind's document is, and how it is read and checked (the same for an upload, a stored version and the shipped set). */
export const CONFIG_KIND_RULES = {
  'measure-mappings': {
    shipped: (): MeasureCatalogueDocument => ({ measures: [...SHIPPED_MEASURES], mappings: [...SHIPPED_MAPPINGS] }),
    parse: (input: unknown): MeasureCatalogueDocument => parseMeasureCatalogue(input),
    check: (document: unknown, schemes: SchemeCatalogue): CheckedDocument => {
      const checked = checkMeasureCatalogue(document as MeasureCatalogueDocument, schemes);
      return { items: checked.mappings, problems: checked.problems };
    },
  },
  'draw-plans': {
    shipped: (): DrawPlan[] => [...SHIPPED_DRAW_PLANS],
    parse: (input: unknown): DrawPlan[] => {
      const parsed = drawPlanSetSchema.safeParse(input);
      if (!parsed.success) {
        throw DomainError.validation(
          ConfigurationErrorCode.Invalid,
          parsed.error.issues.map((i) => ({ field: ['plans', ...i.path].join('.'), message: i.message })),
          'The draw plans are invalid.',
        );
      }
      return parsed.data;
    },
    check: (document: unknown, schemes: SchemeCatalogue): CheckedDocument => ({ items: checkDrawPlans(document as DrawPlan[], schemes), problems: [] }),
  },
  'entry-rules': {
    shipped: (): EntryRule[] => [...SHIPPED_ENTRY_RULES],
    parse: (input: unknown): EntryRule[] => parseEntryRules(input),
    check: (document: unknown, schemes: SchemeCatalogue): CheckedDocument => ({ items: checkEntryRules(document as EntryRule[], schemes), problems: [] }),
  },
} satisfies Record<ConfigKind, { shipped(): unknown; parse(input: unknown): unknown; check(document: unknown, schemes: SchemeCatalogue): CheckedDocument }>;

export function allProblems(checked: CheckedDocument): ConfigProblem[] {
  return [...checked.problems, ...checked.items.flatMap((i) => i.problems)];
}
