import { z } from 'zod';

/** The questions a caller may ask (API.md "Joint measures"). */
export const SCENES = [
  'permit.application',
  'business.new-capacity',
  'inspection.frequency',
  'approval.tolerance',
  'incentive.discount',
  'dispatch.priority',
  'incentive.reward',
  'support.application',
] as const;
export type Scene = (typeof SCENES)[number];

export function isScene(value: string): value is Scene {
  return (SCENES as readonly string[]).includes(value);
}

/**
 * What a measure does to the answer: `deny` refuses what was asked; `condition` allows it under a
 * condition (on-site inspection, restricted scope, a higher inspection ratio); `benefit` grants
 * something extra (discount, priority, simplified handling).
 */
export const MEASURE_EFFECTS = ['deny', 'condition', 'benefit'] as const;
export type MeasureEffect = (typeof MEASURE_EFFECTS)[number];

export const measureSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,79}$/),
    name: z.string().min(1).max(200),
    effect: z.enum(MEASURE_EFFECTS),
    scenes: z.array(z.enum(SCENES)).min(1),
    /** The statute or local document the measure comes from. */
    legalBasis: z.string().min(1).max(500),
    scope: z.enum(['law', 'local']),
    /** A figure the caller applies (inspection ratio in %, discount in %, training hours…). */
    value: z
      .object({ amount: z.number(), unit: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();
export type Measure = z.infer<typeof measureSchema>;

const threshold = z.union([z.object({ moreThan: z.number().int().min(0) }).strict(), z.object({ atLeast: z.number().int().min(1) }).strict()]);

/**
 * What must hold for a mapping to apply. References to other configuration (list types, record
 * types, schemes and their grades, sectors, regions) are checked by checkMeasureCatalogue, which
 * names what dangles; the shape here only says they are text.
 */
export const triggerSchema = z.union([
  z.object({ list: z.string().min(1) }).strict(),
  z.object({ grade: z.object({ schemeId: z.string().min(1), grades: z.array(z.string().min(1)).min(1) }).strict() }).strict(),
  z
    .object({
      records: z
        .object({
          recordType: z.string().min(1),
          payload: z.record(z.string().min(1), z.object({ anyOf: z.array(z.string()).min(1) }).strict()).optional(),
          /** Decided within the last N months; null: every record still standing (未修复). */
          withinMonths: z.number().int().min(1).max(120).nullable(),
          count: threshold,
        })
        .strict(),
    })
    .strict(),
]);
export type Trigger = z.infer<typeof triggerSchema>;

/**
 * A mapping from a fact (list membership, grade, records) to a measure in a scene, for some
 * sectors and regions (configuration: DOMAIN.md §4 quotes mappings of Henan, Xinxiang, Jiaozuo,
 * Xuchang, Hebi, Nanyang, which other places need not share).
 */
export const mappingSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,79}$/),
    measure: z.string().min(1),
    scene: z.enum(SCENES),
    /** GB/T 2260 prefixes of the subject's region where it applies (410000 = all Henan); empty = everywhere. */
    regions: z.array(z.string()),
    /** Sectors (@domain/credit SECTORS: `taxi`, `driving-school`, `general-cargo`…); empty = every sector. */
    sectors: z.array(z.string().min(1)),
    when: triggerSchema,
    /** The figure in this place (e.g. Hangzhou's 25 % for C), overriding the measure's own. */
    value: z
      .object({ amount: z.number(), unit: z.string().min(1) })
      .strict()
      .optional(),
    source: z.string().min(1).max(500),
  })
  .strict();
export type MeasureMapping = z.infer<typeof mappingSchema>;
