import { SHIPPED_DRAW_PLANS, checkDrawPlans, type DrawPlan } from '../../draws/domain/draw-plan';
import { checkEntryRules, type EntryRule } from '../../entry-rules/domain/entry-rule';
import { SHIPPED_ENTRY_RULES } from '../../entry-rules/domain/shipped-entry-rules';
import { checkMeasureCatalogue, type CheckedMeasureCatalogue } from '../../measures/domain/measure-config';
import { SHIPPED_MAPPINGS, SHIPPED_MEASURES } from '../../measures/domain/shipped-measures';
import { describeProblem, type CheckedItem, type ConfigProblem, type SchemeCatalogue } from './config-problem';

/** The configuration kinds joint measures keeps as versioned data. */
export const CONFIG_KINDS = ['measure-mappings', 'draw-plans', 'entry-rules'] as const;
export type ConfigKind = (typeof CONFIG_KINDS)[number];

export interface ShippedConfigurationCheck {
  measureCatalogue: CheckedMeasureCatalogue;
  drawPlans: CheckedItem<DrawPlan>[];
  entryRules: CheckedItem<EntryRule>[];
}

/** Every shipped set through the same checks an upload goes through. */
export function checkShippedConfiguration(schemes: SchemeCatalogue): ShippedConfigurationCheck {
  return {
    measureCatalogue: checkMeasureCatalogue({ measures: [...SHIPPED_MEASURES], mappings: [...SHIPPED_MAPPINGS] }, schemes),
    drawPlans: checkDrawPlans(SHIPPED_DRAW_PLANS, schemes),
    entryRules: checkEntryRules(SHIPPED_ENTRY_RULES, schemes),
  };
}

/** Every problem of the shipped sets, with the set it is in. */
export function shippedProblems(check: ShippedConfigurationCheck): { kind: ConfigKind; problem: ConfigProblem }[] {
  const of = (kind: ConfigKind, problems: ConfigProblem[]) => problems.map((problem) => ({ kind, problem }));
  return [
    ...of('measure-mappings', [...check.measureCatalogue.problems, ...check.measureCatalogue.mappings.flatMap((m) => m.problems)]),
    ...of(
      'draw-plans',
      check.drawPlans.flatMap((p) => p.problems),
    ),
    ...of(
      'entry-rules',
      check.entryRules.flatMap((r) => r.problems),
    ),
  ];
}

/** One line per problem, for the message that stops a start. */
export function describeShippedProblems(problems: readonly { kind: ConfigKind; problem: ConfigProblem }[]): string {
  return problems.map(({ kind, problem }) => `shipped ${kind}: ${describeProblem(problem)}`).join('\n');
}
