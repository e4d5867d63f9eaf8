import { isValidUscc } from '@domain/identifiers';

/**
 * The authority that issues a province's oversize transport permits and is named on the permit
 * and its 行政许可 record (双公示: 许可机关 and its USCC). 62号令 第十二条 (as amended by
 * 2021年第12号): a cross-province permit is accepted and issued by the highway administration of the
 * origin province, a provincial one by the province's designated authority; both are the
 * province's transport department here.
 */
export interface IssuingAuthority {
  /** GB/T 2260 province code (ends 0000). */
  province: string;
  name: string;
  uscc: string;
  /** Where the name and USCC come from; "placeholder" until ops load the published ones. */
  source: string;
}

/**
 * Shipped configuration, one entry per province that issues permits on this platform. The names
 * are the departments' official names; the USCCs are PLACEHOLDERS (pattern 11<province>PH…, valid
 * by the GB 32100 check character) until each province's published code is loaded.
 */
export const ISSUING_AUTHORITIES: readonly IssuingAuthority[] = Object.freeze([
  { province: '410000', name: '河南省交通运输厅', uscc: '11410000PH00000016', source: 'placeholder: name official, USCC not yet published to the platform' },
  { province: '420000', name: '湖北省交通运输厅', uscc: '11420000PH0000001A', source: 'placeholder: name official, USCC not yet published to the platform' },
]);

/** Each entry's problems (bad province code, invalid USCC, duplicate province), checked when loaded. */
export function issuingAuthorityProblems(authorities: readonly IssuingAuthority[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const a of authorities) {
    if (!/^\d{2}0000$/.test(a.province)) problems.push(`${a.province}: not a province code`);
    if (seen.has(a.province)) problems.push(`${a.province}: listed twice`);
    seen.add(a.province);
    if (!a.name.trim()) problems.push(`${a.province}: no name`);
    if (!isValidUscc(a.uscc)) problems.push(`${a.province}: USCC ${a.uscc} fails GB 32100`);
    if (!a.source.trim()) problems.push(`${a.province}: no source`);
  }
  return problems;
}

/** The authority issuing permits accepted in `region` (any code of the province), if configured. */
export function issuingAuthorityOf(authorities: readonly IssuingAuthority[], region: string): IssuingAuthority | undefined {
  const province = `${region.slice(0, 2)}0000`;
  return authorities.find((a) => a.province === province);
}
