/** What an oversize-transport application declares (issue 18 item 1; DOMAIN.md §7). Metres and kilograms. */
export type TrailerType = 'flatbed' | 'hydraulic';

export interface Dimensions {
  /** Height of vehicle and cargo from the ground, metres. */
  heightM: number;
  widthM: number;
  lengthM: number;
  /** Gross mass of vehicle and cargo, kilograms. */
  grossMassKg: number;
}

export interface VehicleDeclaration {
  tractorPlate: string;
  trailerPlate: string;
  axleCount: number;
  /** A 3- or 4-axle single vehicle (truck) or a tractor with trailer (combination). */
  configuration: 'truck' | 'combination';
  /** Single or tandem drive axle: a single drive axle lowers the 6+ axle gross limit to 46 t. */
  driveAxle: 'single' | 'tandem';
  trailerType: TrailerType;
  /** Declared load of each axle (flatbed) or axle line (hydraulic), kilograms, front to back. */
  axleLoadsKg: number[];
  /** GA 36 plate colours; absent means yellow, the colour of large vehicles' plates (GA 36-2018). */
  tractorPlateColour?: string;
  trailerPlateColour?: string;
}

export interface RouteSegment {
  /** GB/T 2260 province code (six digits, ending 0000) the segment lies in. */
  province: string;
  /** GeoJSON LineString, WGS-84/CGCS2000 degrees [lon, lat]. */
  geometry: { type: 'LineString'; coordinates: [number, number][] };
}

export interface AttachmentReference {
  /** outline-drawing | escort-plan | vehicle-licence | photo | measurement-video | other */
  kind: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
}

export interface PermitApplicationDraft {
  carrierUscc: string;
  vehicle: VehicleDeclaration;
  cargo: { description: string; divisible: boolean };
  dimensions: Dimensions;
  route: { origin: string; destination: string; segments: RouteSegment[] };
  window: { from: string; to: string };
  speedKmh: number;
  trips: 'single' | 'multi';
  escortPlan?: string;
  commitment: boolean;
  attachments: AttachmentReference[];
}

/** Large vehicles (tractors, trucks over 4.5 t, trailers) carry yellow plates (GA 36-2018). */
export const DEFAULT_PLATE_COLOUR = 'yellow';

/** The plate colours as declared, yellow where the application names none. */
export function plateColoursOf(vehicle: VehicleDeclaration): { tractor: string; trailer: string } {
  return { tractor: vehicle.tractorPlateColour || DEFAULT_PLATE_COLOUR, trailer: vehicle.trailerPlateColour || DEFAULT_PLATE_COLOUR };
}

/** The distinct provinces of the route, in route order (origin province first). */
export function routeProvinces(segments: readonly RouteSegment[]): string[] {
  return [...new Set(segments.map((s) => s.province))];
}

/** National parallel permit (跨省): more than one province on the route. */
export function isCrossProvince(segments: readonly RouteSegment[]): boolean {
  return routeProvinces(segments).length > 1;
}
