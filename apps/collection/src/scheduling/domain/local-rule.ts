import { parseRegionCode, regionPrefix, RegionCode } from '@domain/identifiers';

/**
 * A number that differs by place (DOMAIN.md: *local*), as configuration: the region it applies
 * to (a GB/T 2260 code; a province covers its cities) and where the number comes from.
 */
export interface LocalRule {
  region: string;
  source: string;
}

/**
 * The rule for `region`: the most specific rule whose region contains it (a city's rule beats
 * its province's), or undefined. Rules for other places never apply.
 */
export function mostSpecificRule<R extends LocalRule>(region: string, rules: readonly R[], applies: (rule: R) => boolean = () => true): R | undefined {
  const target = parseRegionCode(region);
  if (!target.ok) return undefined;
  let best: { rule: R; prefix: string } | undefined;
  for (const rule of rules) {
    const scope = parseRegionCode(rule.region);
    if (!scope.ok || !applies(rule)) continue;
    const prefix = regionPrefix(scope.value as RegionCode);
    if (!target.value.startsWith(prefix)) continue;
    if (!best || prefix.length > best.prefix.length) best = { rule, prefix };
  }
  return best?.rule;
}

/** The SQL `LIKE` prefix of a rule's region ("41" for 410000, "4101" for 410100). */
export function rulePrefix(rule: LocalRule): string {
  const scope = parseRegionCode(rule.region);
  if (!scope.ok) throw new RangeError(`rule region ${rule.region}: ${scope.message}`);
  return regionPrefix(scope.value);
}
