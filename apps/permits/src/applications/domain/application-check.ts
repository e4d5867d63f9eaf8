import { addMonths, isIsoDate } from '@domain/calendar';
import { isPlateColour, isValidRegionCode, isValidUscc, PLATE_COLOURS } from '@domain/identifiers';
import type { Deficiency } from './application-errors';
import type { AttachmentReference, PermitApplicationDraft } from './permit-application';
import { inProvinceExtent } from './province-extents';

/**
 * Every missing or invalid item of an application, all at once (一次性告知, seed 000: "one notice
 * listing every missing item"); empty when the application can be classified.
 *
 * Plausibility ceilings are not from a seed: they only catch a unit slip (a 420 m high vehicle is
 * 420 cm given as metres) and are generous beyond any road transport (placeholders).
 */
export const PLAUSIBLE_MAX = { heightM: 10, widthM: 20, lengthM: 100, grossMassKg: 2_000_000, speedKmh: 120 } as const;

/** China's extent in WGS-84 degrees (east of 73.5°E to 135.1°E, 3.8°N to 53.6°N): a point outside is not in China. */
export const CHINA_BOUNDS = { minLon: 73.4, maxLon: 135.1, minLat: 3.8, maxLat: 53.6 } as const;

/** Attachments: at most 20 MiB each, of these media types (never an executable type). */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_MEDIA_TYPES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png', 'video/mp4'];

/** Multi-trip permits run at most 6 months (62号令 第十九条; DOMAIN.md §7). */
export const MULTI_TRIP_MAX_MONTHS = 6;

export function checkApplication(draft: PermitApplicationDraft): Deficiency[] {
  return [
    ...checkCarrier(draft),
    ...checkDimensions(draft),
    ...checkVehicle(draft),
    ...checkCargo(draft),
    ...checkRoute(draft),
    ...checkWindow(draft),
    ...checkAttachments(draft.attachments),
  ];
}

function checkCarrier(draft: PermitApplicationDraft): Deficiency[] {
  return isValidUscc(draft.carrierUscc ?? '') ? [] : [{ field: 'carrierUscc', reason: 'not a valid unified social credit code' }];
}

function positiveUpTo(field: string, value: number, max: number, unitSlip: string): Deficiency[] {
  if (!Number.isFinite(value) || value <= 0) return [{ field, reason: 'must be greater than zero' }];
  if (value > max) return [{ field, reason: `${value} is implausible (over ${max}); ${unitSlip}` }];
  return [];
}

function checkDimensions({ dimensions: d }: PermitApplicationDraft): Deficiency[] {
  if (!d) return [{ field: 'dimensions', reason: 'required' }];
  return [
    ...positiveUpTo('dimensions.heightM', d.heightM, PLAUSIBLE_MAX.heightM, 'give metres, not centimetres'),
    ...positiveUpTo('dimensions.widthM', d.widthM, PLAUSIBLE_MAX.widthM, 'give metres, not centimetres'),
    ...positiveUpTo('dimensions.lengthM', d.lengthM, PLAUSIBLE_MAX.lengthM, 'give metres, not centimetres'),
    ...positiveUpTo('dimensions.grossMassKg', d.grossMassKg, PLAUSIBLE_MAX.grossMassKg, 'give kilograms'),
  ];
}

function checkVehicle({ vehicle: v, speedKmh }: PermitApplicationDraft): Deficiency[] {
  if (!v) return [{ field: 'vehicle', reason: 'required' }];
  const out: Deficiency[] = [];
  if (!v.tractorPlate?.trim()) out.push({ field: 'vehicle.tractorPlate', reason: 'required' });
  if (!Number.isInteger(v.axleCount) || v.axleCount < 2) out.push({ field: 'vehicle.axleCount', reason: 'must be an integer of at least 2' });
  else if ((v.axleLoadsKg ?? []).length !== v.axleCount) {
    out.push({ field: 'vehicle.axleLoadsKg', reason: `${(v.axleLoadsKg ?? []).length} axle loads given for ${v.axleCount} axles` });
  }
  if ((v.axleLoadsKg ?? []).some((kg) => !Number.isFinite(kg) || kg <= 0))
    out.push({ field: 'vehicle.axleLoadsKg', reason: 'every axle load must be greater than zero' });
  if (!['flatbed', 'hydraulic'].includes(v.trailerType)) out.push({ field: 'vehicle.trailerType', reason: 'flatbed or hydraulic' });
  if (!['truck', 'combination'].includes(v.configuration)) out.push({ field: 'vehicle.configuration', reason: 'truck or combination' });
  if (!['single', 'tandem'].includes(v.driveAxle)) out.push({ field: 'vehicle.driveAxle', reason: 'single or tandem' });
  for (const field of ['tractorPlateColour', 'trailerPlateColour'] as const) {
    const colour = v[field];
    if (colour && !isPlateColour(colour)) out.push({ field: `vehicle.${field}`, reason: `a GA 36 plate colour: ${PLATE_COLOURS.join(', ')}` });
  }
  out.push(...positiveUpTo('speedKmh', speedKmh, PLAUSIBLE_MAX.speedKmh, 'give km/h'));
  return out;
}

function checkCargo({ cargo }: PermitApplicationDraft): Deficiency[] {
  return cargo?.description?.trim() ? [] : [{ field: 'cargo.description', reason: 'required' }];
}

function inChina([lon, lat]: [number, number]): boolean {
  return lon >= CHINA_BOUNDS.minLon && lon <= CHINA_BOUNDS.maxLon && lat >= CHINA_BOUNDS.minLat && lat <= CHINA_BOUNDS.maxLat;
}

function checkRoute({ route }: PermitApplicationDraft): Deficiency[] {
  const segments = route?.segments ?? [];
  if (segments.length === 0) return [{ field: 'route.segments', reason: 'at least one segment' }];
  const out: Deficiency[] = [];
  if (!route.origin?.trim()) out.push({ field: 'route.origin', reason: 'required' });
  if (!route.destination?.trim()) out.push({ field: 'route.destination', reason: 'required' });
  segments.forEach((segment, i) => {
    const code = segment.province ?? '';
    if (!isValidRegionCode(code) || !code.endsWith('0000')) out.push({ field: `route.segments[${i}].province`, reason: 'a GB/T 2260 province code (xx0000)' });
    const points = segment.geometry?.type === 'LineString' ? segment.geometry.coordinates : undefined;
    if (!points || points.length < 2) out.push({ field: `route.segments[${i}].geometry`, reason: 'a GeoJSON LineString of at least two points' });
    else if (!points.every(inChina)) out.push({ field: `route.segments[${i}].geometry`, reason: 'a point lies outside China' });
    else if (points.some((p) => inProvinceExtent(code, p) === false))
      out.push({ field: `route.segments[${i}].province`, reason: `the geometry does not lie in province ${code}` });
  });
  return out;
}

function checkWindow({ window, trips }: PermitApplicationDraft): Deficiency[] {
  if (!window || !isIsoDate(window.from) || !isIsoDate(window.to)) return [{ field: 'window', reason: 'from and to as ISO dates' }];
  if (window.to < window.from) return [{ field: 'window.to', reason: 'ends before it starts' }];
  if (trips === 'multi' && window.to > addMonths(window.from, MULTI_TRIP_MAX_MONTHS)) {
    return [{ field: 'window.to', reason: `a multi-trip permit runs at most ${MULTI_TRIP_MAX_MONTHS} months` }];
  }
  if (trips !== 'single' && trips !== 'multi') return [{ field: 'trips', reason: 'single or multi' }];
  return [];
}

function checkAttachments(attachments: readonly AttachmentReference[] = []): Deficiency[] {
  const out: Deficiency[] = [];
  attachments.forEach((a, i) => {
    if (!/^[0-9a-f]{64}$/.test(a.sha256 ?? '')) out.push({ field: `attachments[${i}].sha256`, reason: 'a SHA-256 in lower-case hex' });
    if (!Number.isInteger(a.sizeBytes) || a.sizeBytes <= 0 || a.sizeBytes > ATTACHMENT_MAX_BYTES)
      out.push({ field: `attachments[${i}].sizeBytes`, reason: `1 byte to ${ATTACHMENT_MAX_BYTES} bytes` });
    if (!ATTACHMENT_MEDIA_TYPES.includes(a.mediaType))
      out.push({ field: `attachments[${i}].mediaType`, reason: `one of ${ATTACHMENT_MEDIA_TYPES.join(', ')}` });
  });
  return out;
}
