/**
 * Violation codes that vehicle monitoring platforms (动态监控 / 综合交通运输管理服务平台) report as
 * alarms, for the `monitoring-violation` record type (DOMAIN.md §2).
 *
 * The Henan platform monitors 117 violation types (39 passenger, 41 hazardous goods, 11 general
 * cargo; seeds 002 and 004), naming 超速、疲劳驾驶、关闭动态监控、包车牌与线路不符、异地经营、车辆技术年审
 * 过期; Jiaozuo adds 经营许可证逾期、年审逾期且运行、长期未上线 (seed 002); Sichuan's active-safety
 * (主动安防) data adds 驾驶员接打电话 (seed 004). This list is the subset catalogue v1 accepts, not
 * the full 117: a platform code outside it is mapped by the integrator or waits for a new version.
 *
 * Catalogue v1 reads its `violationCode` enum from this list, and a stored catalogue version is
 * immutable: never remove or rename a code here; add codes for a later catalogue version only.
 */
export const MONITORING_VIOLATION_CODES = [
  // Seeds 002/004 (Henan platform) and seed 004 (Sichuan).
  { code: 'speeding', zh: '超速行驶', en: 'Speeding' },
  { code: 'fatigue-driving', zh: '疲劳驾驶', en: 'Fatigue driving (continuous driving over the limit)' },
  { code: 'monitoring-off', zh: '关闭动态监控（卫星定位装置不在线、人为屏蔽或断电）', en: 'Dynamic monitoring switched off or deliberately disabled' },
  { code: 'long-offline', zh: '车辆卫星定位长期未上线', en: 'Vehicle satellite positioning offline for a long period' },
  { code: 'route-plate-mismatch', zh: '包车牌与线路不符', en: 'Charter plate does not match the route driven' },
  { code: 'off-base-operation', zh: '异地经营', en: 'Operating away from the licensed base area' },
  { code: 'overdue-annual-inspection', zh: '车辆技术年审逾期且运行', en: 'Operating with the annual technical inspection overdue' },
  { code: 'overdue-licence', zh: '证件逾期（经营许可证、道路运输证等逾期）且运营', en: 'Operating with an expired business licence or transport certificate' },
  { code: 'phone-use', zh: '驾驶员接打电话', en: 'Driver using a phone while driving' },
  { code: 'suspected-illegal-operation', zh: '疑似非法营运（平台比对规则预警）', en: 'Suspected illegal operation (platform comparison rules)' },
  // Not named in the seeds; common national rules and active-safety (主动安防) alarm types.
  { code: 'night-driving', zh: '长途客运车辆凌晨2时至5时违规运行', en: 'Long-distance coach running between 02:00 and 05:00' },
  { code: 'seat-belt', zh: '驾驶员未系安全带', en: 'Driver not wearing a seat belt' },
  { code: 'smoking', zh: '驾驶员抽烟', en: 'Driver smoking while driving' },
  { code: 'distracted-driving', zh: '驾驶员分神驾驶', en: 'Distracted driving' },
  { code: 'position-drift', zh: '定位数据漂移或异常', en: 'Position data drifting or implausible' },
] as const;

export type MonitoringViolationCode = (typeof MONITORING_VIOLATION_CODES)[number]['code'];

export function isMonitoringViolationCode(value: string): value is MonitoringViolationCode {
  return MONITORING_VIOLATION_CODES.some((entry) => entry.code === value);
}
