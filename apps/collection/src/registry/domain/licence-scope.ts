import { toHalfWidth } from '@domain/identifiers';
import type { Sector } from '@domain/credit';

/**
 * From an operating licence's business scope (经营范围 / 许可事项, free text on the licence and in
 * the 行政许可 record's `content`) to the sectors of @domain/credit. Each scope item (the text
 * between 、，；, etc.) maps to at most one sector: the first rule below whose keyword it contains.
 * The order matters where names overlap: 水路危险货物运输 is waterway, not road hazardous goods;
 * 出租汽车客运 and 城市公共汽车客运 are taxi and bus, not road passenger transport.
 *
 * Sources of the scope names:
 * - 《道路运输条例》(国务院令第406号, 2023年修订) 第八条、第二十一条、第三十七条: 道路旅客运输经营
 *   (班车、包车、旅游客运), 道路货物运输经营 (普通货运、大型物件运输、危险货物运输), and the
 *   related businesses 机动车维修经营 and 机动车驾驶员培训;
 * - 《道路危险货物运输管理规定》(交通运输部令2013年第2号): 道路危险货物运输;
 * - 《超限运输车辆行驶公路管理规定》(交通运输部令2016年第62号) and 大型物件运输 in the
 *   道路运输经营许可证's scope (DOMAIN.md §7: "carrier's licence lacks oversize transport"); its
 *   超限运输车辆行驶公路许可 is oversize transport too (SECTORS: 大件运输 (超限运输));
 * - 《巡游出租汽车经营服务管理规定》, 《网络预约出租汽车经营服务管理暂行办法》: 出租汽车;
 * - 《城市公共汽车和电车客运管理规定》(交通运输部令2017年第5号): 城市公共汽电车 (公交);
 * - 《国内水路运输管理条例》(国务院令第625号): 水路运输 (水路旅客运输、水路货物运输).
 * The sector names themselves are SECTOR_NAMES in libs/domain/credit/src/sector.ts.
 */
export const BUSINESS_SCOPE_RULES: ReadonlyArray<{ readonly sector: Sector; readonly keywords: readonly string[] }> = Object.freeze([
  { sector: 'waterway', keywords: ['水路', '船舶运输', '航运'] },
  { sector: 'hazardous-goods', keywords: ['危险货物', '危货', '危险品运输'] },
  { sector: 'oversize-transport', keywords: ['大件运输', '大型物件运输', '大型物件', '超限运输'] },
  { sector: 'taxi', keywords: ['出租汽车', '出租车', '网约车', '网络预约出租'] },
  { sector: 'bus', keywords: ['公共汽电车', '公共汽车', '公交', '城市公共交通', '定制通勤'] },
  { sector: 'driving-school', keywords: ['驾驶员培训', '驾驶培训', '驾培'] },
  { sector: 'vehicle-repair', keywords: ['机动车维修', '汽车维修', '摩托车维修', '维修经营'] },
  { sector: 'road-passenger', keywords: ['道路旅客运输', '旅客运输', '班车客运', '包车客运', '旅游客运', '道路客运'] },
  { sector: 'general-cargo', keywords: ['普通货物', '普通货运', '道路货物运输'] },
]);

/**
 * Separators between the items of a business scope (full-width ones are folded to ASCII first).
 * Brackets separate too: 道路普通货物运输（大型物件运输） names two sectors.
 */
const ITEM_SEPARATORS = /[、,;:。()[\]【】\n\r\t/|]+|\s{2,}/;

/** The sectors a business scope names, in SECTORS order of first appearance, without duplicates. */
export function sectorsOfBusinessScope(scope: string): Sector[] {
  const text = toHalfWidth(scope).replace(/[ \u3000]+/g, ' ');
  const found = new Set<Sector>();
  for (const item of text.split(ITEM_SEPARATORS)) {
    const rule = BUSINESS_SCOPE_RULES.find((r) => r.keywords.some((keyword) => item.includes(keyword)));
    if (rule) found.add(rule.sector);
  }
  return [...found];
}
