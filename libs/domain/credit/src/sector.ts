/**
 * Transport sectors (行业类别) as the operating licence's business scope names them. The subject
 * registry records an enterprise's sectors from its licences; evaluation schemes, measure mappings
 * and draw plans say which sectors they apply to with these codes.
 */
export const SECTORS = [
  /** 道路旅客运输 (incl. 班车、包车、旅游客运). */
  'road-passenger',
  /** 危险货物道路运输. */
  'hazardous-goods',
  /** 道路普通货物运输. */
  'general-cargo',
  /** 大件运输 (超限运输). */
  'oversize-transport',
  /** 出租汽车 (巡游、网约). */
  'taxi',
  /** 城市公共汽电车 (公交, incl. 定制通勤). */
  'bus',
  /** 机动车驾驶员培训. */
  'driving-school',
  /** 机动车维修. */
  'vehicle-repair',
  /** 水路运输 (航运). */
  'waterway',
] as const;

export type Sector = (typeof SECTORS)[number];

/** Chinese names for the portal, reports and the glossary. */
export const SECTOR_NAMES: Readonly<Record<Sector, string>> = Object.freeze({
  'road-passenger': '道路旅客运输',
  'hazardous-goods': '危险货物道路运输',
  'general-cargo': '道路普通货物运输',
  'oversize-transport': '大件运输',
  taxi: '出租汽车',
  bus: '城市公共交通',
  'driving-school': '机动车驾驶员培训',
  'vehicle-repair': '机动车维修',
  waterway: '水路运输',
});

/** The sectors of road transport (道路运输), for plans and schemes that cover all of it. */
export const ROAD_TRANSPORT_SECTORS: readonly Sector[] = Object.freeze([
  'road-passenger',
  'hazardous-goods',
  'general-cargo',
  'oversize-transport',
  'taxi',
  'bus',
  'driving-school',
  'vehicle-repair',
]);

export function isSector(value: string): value is Sector {
  return (SECTORS as readonly string[]).includes(value);
}
