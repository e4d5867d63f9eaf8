/**
 * Approximate extents of China's provincial-level divisions (GB/T 2260 codes), WGS-84 degrees,
 * [minLon, minLat, maxLon, maxLat], rounded outwards to 0.1° (ADR 0063). No maintained npm package
 * publishes province boundaries, so a route segment is checked against its province's box: a
 * segment plainly in another province is refused; one near a border may pass (approximate).
 * A box is convex, so a LineString whose vertices lie in it lies in it whole.
 */
export type Extent = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

export const PROVINCE_EXTENTS: Readonly<Record<string, Extent>> = {
  '110000': [115.4, 39.4, 117.5, 41.1], // 北京
  '120000': [116.7, 38.5, 118.1, 40.3], // 天津
  '130000': [113.4, 36.0, 119.9, 42.7], // 河北
  '140000': [110.2, 34.5, 114.6, 40.8], // 山西
  '150000': [97.1, 37.4, 126.1, 53.4], // 内蒙古
  '210000': [118.8, 38.7, 125.8, 43.5], // 辽宁
  '220000': [121.6, 40.8, 131.4, 46.3], // 吉林
  '230000': [121.1, 43.4, 135.1, 53.6], // 黑龙江
  '310000': [120.8, 30.6, 122.2, 31.9], // 上海
  '320000': [116.3, 30.7, 121.9, 35.2], // 江苏
  '330000': [118.0, 27.0, 123.2, 31.2], // 浙江
  '340000': [114.8, 29.3, 119.7, 34.7], // 安徽
  '350000': [115.8, 23.5, 120.7, 28.4], // 福建
  '360000': [113.5, 24.4, 118.5, 30.1], // 江西
  '370000': [114.7, 34.3, 122.8, 38.4], // 山东
  '410000': [110.3, 31.3, 116.7, 36.4], // 河南
  '420000': [108.3, 29.0, 116.2, 33.3], // 湖北
  '430000': [108.7, 24.6, 114.3, 30.2], // 湖南
  '440000': [109.6, 20.2, 117.4, 25.6], // 广东
  '450000': [104.4, 20.9, 112.1, 26.4], // 广西
  '460000': [108.6, 3.8, 117.9, 20.2], // 海南 (with the South China Sea islands)
  '500000': [105.2, 28.1, 110.2, 32.3], // 重庆
  '510000': [97.3, 26.0, 108.6, 34.4], // 四川
  '520000': [103.6, 24.6, 109.6, 29.3], // 贵州
  '530000': [97.5, 21.1, 106.2, 29.3], // 云南
  '540000': [78.3, 26.8, 99.2, 36.5], // 西藏
  '610000': [105.4, 31.7, 111.3, 39.6], // 陕西
  '620000': [92.1, 32.5, 108.8, 42.8], // 甘肃
  '630000': [89.4, 31.6, 103.1, 39.3], // 青海
  '640000': [104.2, 35.2, 107.7, 39.4], // 宁夏
  '650000': [73.4, 34.3, 96.4, 49.2], // 新疆
  '710000': [116.7, 20.7, 124.6, 26.4], // 台湾
  '810000': [113.8, 22.1, 114.5, 22.6], // 香港
  '820000': [113.5, 22.1, 113.7, 22.3], // 澳门
};

/** Slack for points on a border (degrees, about 10 km). */
const BORDER_SLACK = 0.1;

/** Whether the point lies in the province's approximate extent; undefined when the code names no province. */
export function inProvinceExtent(province: string, [lon, lat]: readonly [number, number]): boolean | undefined {
  const extent = PROVINCE_EXTENTS[province];
  if (!extent) return undefined;
  const [minLon, minLat, maxLon, maxLat] = extent;
  return lon >= minLon - BORDER_SLACK && lon <= maxLon + BORDER_SLACK && lat >= minLat - BORDER_SLACK && lat <= maxLat + BORDER_SLACK;
}
