import CheapRuler from 'cheap-ruler';
import Flatbush from 'flatbush';
import type { PermitRouteV1 } from '@contracts';

/** What route conformance keeps of an issued permit (PermitIssuedV1) while it is active. */
export interface ActivePermitRoute {
  permitNo: string;
  plate: string;
  plateColour: string;
  route: PermitRouteV1;
  /** Epoch milliseconds. */
  validFrom: number;
  validUntil: number;
  carrier: { uscc: string; name: string };
  issuedByRegion: string;
}

/** One straight piece of a permitted route, with a ruler fitted to its latitude. */
interface RoutePiece {
  permit: number;
  a: [number, number];
  b: [number, number];
  ruler: CheapRuler;
}

/**
 * The corridors around active permits' routes: every straight piece of every route in one packed
 * R-tree (flatbush), its box grown by the corridor width; a point is inside a permit's corridor when
 * some piece of that permit lies within the width (cheap-ruler's local flat-earth distance, metres;
 * error well under 0.1 % at corridor scale). Immutable: rebuilt when the set of permits changes.
 */
export class CorridorIndex {
  private readonly pieces: RoutePiece[] = [];
  private readonly index: Flatbush | undefined;
  private readonly byPlate = new Map<string, number[]>();
  private readonly indexOfPermit = new Map<ActivePermitRoute, number>();

  constructor(
    readonly permits: readonly ActivePermitRoute[],
    readonly corridorWidthM: number,
  ) {
    permits.forEach((permit, i) => {
      this.indexOfPermit.set(permit, i);
      const key = plateKey(permit.plate, permit.plateColour);
      this.byPlate.set(key, [...(this.byPlate.get(key) ?? []), i]);
      for (const segment of permit.route.segments) this.addPieces(i, segment.line.coordinates);
    });
    if (this.pieces.length === 0) return;
    this.index = new Flatbush(this.pieces.length);
    for (const piece of this.pieces) {
      const box = piece.ruler.bufferBBox(boundingBox(piece.a, piece.b), corridorWidthM);
      this.index.add(box[0], box[1], box[2], box[3]);
    }
    this.index.finish();
  }

  /** Permits naming this vehicle (plate + colour), in the order they were given. */
  permitsOf(plate: string, plateColour: string): readonly ActivePermitRoute[] {
    return (this.byPlate.get(plateKey(plate, plateColour)) ?? []).map((i) => this.permits[i]);
  }

  /** Whether [longitude, latitude] lies within the corridor width of the permit's route. */
  insideCorridor(permit: ActivePermitRoute, longitude: number, latitude: number): boolean {
    if (!this.index) return false;
    const permitIndex = this.indexOfPermit.get(permit);
    if (permitIndex === undefined) return false;
    const p: [number, number] = [longitude, latitude];
    const hits = this.index.search(longitude, latitude, longitude, latitude, (i) => this.pieces[i].permit === permitIndex);
    return hits.some((i) => {
      const piece = this.pieces[i];
      return piece.ruler.pointToSegmentDistance(p, piece.a, piece.b) <= this.corridorWidthM;
    });
  }

  private addPieces(permit: number, coordinates: [number, number][]): void {
    for (let k = 1; k < coordinates.length; k += 1) {
      const a = coordinates[k - 1];
      const b = coordinates[k];
      this.pieces.push({ permit, a, b, ruler: new CheapRuler((a[1] + b[1]) / 2, 'meters') });
    }
  }
}

export function plateKey(plate: string, plateColour: string): string {
  return `${plate}|${plateColour}`;
}

function boundingBox(a: [number, number], b: [number, number]): [number, number, number, number] {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
}
