/**
 * Geohashes as Redis's geohash.c / geohash_helper.c compute them: coordinates become a
 * 52-bit integer (26 steps, latitude bits at even positions, longitude bits at odd ones) that
 * geo stores as a sorted-set score. Searches cover the query shape with the cell holding the
 * centre plus its 8 neighbours at an estimated step, exactly as Redis does, so the candidates
 * (and the order they are found in) are the same.
 *
 * Hash values are JS numbers: the 52-bit range is exact in a double, and the rare 53/54-bit
 * values (a coordinate on the upper edge of its range) round the way Redis's uint64 -> double
 * conversion rounds them.
 */

export const GEO_STEP_MAX = 26;
export const GEO_LAT_MIN = -85.05112878;
export const GEO_LAT_MAX = 85.05112878;
export const GEO_LONG_MIN = -180;
export const GEO_LONG_MAX = 180;
export const EARTH_RADIUS_IN_METERS = 6372797.560856;
const MERCATOR_MAX = 20037726.37;
const D_R = Math.PI / 180.0;

const TWO_POW_32 = 2 ** 32;

export interface Range {
  min: number;
  max: number;
}

export const WGS84_LONG_RANGE: Range = { min: GEO_LONG_MIN, max: GEO_LONG_MAX };
export const WGS84_LAT_RANGE: Range = { min: GEO_LAT_MIN, max: GEO_LAT_MAX };

/** A cell: its latitude and longitude indexes at `step` (each may reach 2^step on a range's upper edge). */
export interface GeoCell {
  lat: number;
  lon: number;
  step: number;
}

/** Spreads the low 16 bits of `value` to the even bit positions of a 32-bit result. */
function spread16(value: number): number {
  let x = value & 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x >>> 0;
}

/** The inverse of spread16: gathers the even bits of a 32-bit value into 16 bits. */
function squash32(value: number): number {
  let x = value & 0x55555555;
  x = (x | (x >>> 1)) & 0x33333333;
  x = (x | (x >>> 2)) & 0x0f0f0f0f;
  x = (x | (x >>> 4)) & 0x00ff00ff;
  x = (x | (x >>> 8)) & 0x0000ffff;
  return x;
}

/** Redis's interleave64(lat, lon) for 32-bit unsigned inputs, as a (rounded) double. */
export function interleave(lat: number, lon: number): number {
  const low = (spread16(lat) | (spread16(lon) << 1)) >>> 0;
  const high = (spread16(lat >>> 16) | (spread16(lon >>> 16) << 1)) >>> 0;
  return high * TWO_POW_32 + low;
}

const TWO_POW_63 = 2 ** 63;

/**
 * A double score cast to uint64 as x86-64 code compiled by gcc does it, as [high, low] 32-bit
 * halves: scores of other sorted sets (negative, huge, infinite) decode the way Redis's do.
 */
function castToUint64(value: number): [number, number] {
  let high: number;
  let low: number;
  if (value >= TWO_POW_63) {
    // gcc subtracts 2^63, converts signed, and flips the top bit back; out of range gives 0.
    const rest = Math.trunc(value - TWO_POW_63);
    if (rest >= TWO_POW_63) return [0, 0];
    high = Math.floor(rest / TWO_POW_32);
    low = rest - high * TWO_POW_32;
    return [(high | 0x80000000) >>> 0, low >>> 0];
  }
  // cvttsd2si answers 0x8000000000000000 for anything below the int64 range.
  if (!(value >= -TWO_POW_63)) return [0x80000000, 0];
  const truncated = Math.trunc(value);
  high = Math.floor(truncated / TWO_POW_32);
  low = truncated - high * TWO_POW_32;
  return [high >>> 0, low >>> 0];
}

/** The cell of a stored score (Redis casts the double score to uint64 first). */
export function cellOfBits(bits: number, step: number): GeoCell {
  const [high, low] = castToUint64(bits);
  const lat = (squash32(high) * 65536 + squash32(low)) >>> 0;
  const lon = (squash32(high >>> 1) * 65536 + squash32(low >>> 1)) >>> 0;
  return { lat, lon, step };
}

/** geohashEncode: undefined when the point is outside the WGS84 limits or the given ranges. */
export function encode(longRange: Range, latRange: Range, longitude: number, latitude: number, step: number): GeoCell | undefined {
  if (longitude > GEO_LONG_MAX || longitude < GEO_LONG_MIN || latitude > GEO_LAT_MAX || latitude < GEO_LAT_MIN) return undefined;
  if (latitude < latRange.min || latitude > latRange.max || longitude < longRange.min || longitude > longRange.max) return undefined;
  const scale = 2 ** step;
  const latOffset = ((latitude - latRange.min) / (latRange.max - latRange.min)) * scale;
  const longOffset = ((longitude - longRange.min) / (longRange.max - longRange.min)) * scale;
  // C converts the double offsets to uint32 by truncation.
  return { lat: Math.trunc(latOffset) >>> 0, lon: Math.trunc(longOffset) >>> 0, step };
}

/** The cell's interleaved bits (hash.bits in Redis). */
export function cellBits(cell: GeoCell): number {
  return interleave(cell.lat, cell.lon);
}

/** geohashAlign52Bits: the cell's bits shifted to the 52-bit score scale. */
export function align52(cell: GeoCell): number {
  return cellBits(cell) * 2 ** (52 - cell.step * 2);
}

/** The 52-bit score GEOADD stores for a valid coordinate pair. */
export function encodeScore(longitude: number, latitude: number): number {
  return align52(encode(WGS84_LONG_RANGE, WGS84_LAT_RANGE, longitude, latitude, GEO_STEP_MAX)!);
}

export interface Area {
  latMin: number;
  latMax: number;
  longMin: number;
  longMax: number;
}

/** geohashDecode: the cell's bounds, computed with Redis's operation order. */
export function decodeArea(longRange: Range, latRange: Range, cell: GeoCell): Area {
  const scale = 2 ** cell.step;
  const latScale = latRange.max - latRange.min;
  const longScale = longRange.max - longRange.min;
  return {
    latMin: latRange.min + (cell.lat / scale) * latScale,
    latMax: latRange.min + ((cell.lat + 1) / scale) * latScale,
    longMin: longRange.min + (cell.lon / scale) * longScale,
    longMax: longRange.min + ((cell.lon + 1) / scale) * longScale,
  };
}

/** A stored score back to [longitude, latitude]: the centre of its cell, clamped to the WGS84 limits. */
export function decodeScore(score: number): [number, number] {
  const area = decodeArea(WGS84_LONG_RANGE, WGS84_LAT_RANGE, cellOfBits(score, GEO_STEP_MAX));
  let longitude = (area.longMin + area.longMax) / 2;
  if (longitude > GEO_LONG_MAX) longitude = GEO_LONG_MAX;
  if (longitude < GEO_LONG_MIN) longitude = GEO_LONG_MIN;
  let latitude = (area.latMin + area.latMax) / 2;
  if (latitude > GEO_LAT_MAX) latitude = GEO_LAT_MAX;
  if (latitude < GEO_LAT_MIN) latitude = GEO_LAT_MIN;
  return [longitude, latitude];
}

const BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";

/** GEOHASH's 11-character string: the decoded point re-encoded over the standard ±90 latitude range. */
export function standardGeohash(score: number): string {
  const [longitude, latitude] = decodeScore(score);
  const cell = encode({ min: -180, max: 180 }, { min: -90, max: 90 }, longitude, latitude, GEO_STEP_MAX);
  const bits = cell ? cellBits(cell) : 0;
  let text = "";
  for (let i = 0; i < 10; i++) text += BASE32[Math.floor(bits / 2 ** (52 - (i + 1) * 5)) % 32];
  // 52 bits make ten characters; Redis pads the eleventh with zero bits.
  return text + "0";
}

const degToRad = (degrees: number) => degrees * D_R;
const radToDeg = (radians: number) => radians / D_R;

export function latDistance(lat1: number, lat2: number): number {
  return EARTH_RADIUS_IN_METERS * Math.abs(degToRad(lat2) - degToRad(lat1));
}

/** Redis's haversine distance in meters. */
export function distance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const lon1r = degToRad(lon1);
  const lon2r = degToRad(lon2);
  const v = Math.sin((lon2r - lon1r) / 2);
  // Same longitude: the cheaper latitude-only formula, as Redis takes it.
  if (v === 0) return latDistance(lat1, lat2);
  const lat1r = degToRad(lat1);
  const lat2r = degToRad(lat2);
  const u = Math.sin((lat2r - lat1r) / 2);
  const a = u * u + Math.cos(lat1r) * Math.cos(lat2r) * v * v;
  return 2.0 * EARTH_RADIUS_IN_METERS * Math.asin(Math.sqrt(a));
}

/** A search shape in meters-per-unit (`conversion`) with its center. */
export type GeoShape =
  | { kind: "radius"; longitude: number; latitude: number; conversion: number; radius: number }
  | { kind: "box"; longitude: number; latitude: number; conversion: number; width: number; height: number };

/** The distance in meters from the shape's center when the point lies inside it, else undefined. */
export function distanceIfWithin(shape: GeoShape, longitude: number, latitude: number): number | undefined {
  if (shape.kind === "radius") {
    const d = distance(shape.longitude, shape.latitude, longitude, latitude);
    return d > shape.radius * shape.conversion ? undefined : d;
  }
  const width = shape.width * shape.conversion;
  const height = shape.height * shape.conversion;
  // Latitude first: it is the cheaper test.
  if (latDistance(latitude, shape.latitude) > height / 2) return undefined;
  if (distance(longitude, latitude, shape.longitude, latitude) > width / 2) return undefined;
  return distance(shape.longitude, shape.latitude, longitude, latitude);
}

/** geohashEstimateStepsByRadius. */
function estimateSteps(rangeMeters: number, latitude: number): number {
  if (rangeMeters === 0) return 26;
  let step = 1;
  while (rangeMeters < MERCATOR_MAX) {
    rangeMeters *= 2;
    step++;
  }
  step -= 2;
  // Cells narrow towards the poles: search wider there.
  if (latitude > 66 || latitude < -66) {
    step--;
    if (latitude > 80 || latitude < -80) step--;
  }
  return Math.min(26, Math.max(1, step));
}

/** geohashBoundingBox: [minLon, minLat, maxLon, maxLat]. */
function boundingBox(shape: GeoShape): [number, number, number, number] {
  const { longitude, latitude, conversion } = shape;
  const height = conversion * (shape.kind === "radius" ? shape.radius : shape.height / 2);
  const width = conversion * (shape.kind === "radius" ? shape.radius : shape.width / 2);
  const latDelta = radToDeg(height / EARTH_RADIUS_IN_METERS);
  const longDeltaTop = radToDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degToRad(latitude + latDelta)));
  const longDeltaBottom = radToDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degToRad(latitude - latDelta)));
  // The widest edge is the one nearer the pole.
  const southern = latitude < 0;
  return [
    southern ? longitude - longDeltaBottom : longitude - longDeltaTop,
    latitude - latDelta,
    southern ? longitude + longDeltaBottom : longitude + longDeltaTop,
    latitude + latDelta,
  ];
}

/** geohash_move_x/y: a step east/west or north/south, wrapping; the other index is left as is. */
function moved(cell: GeoCell, dLon: number, dLat: number): GeoCell {
  const size = 2 ** cell.step;
  const lon = dLon === 0 ? cell.lon : (((cell.lon + dLon) % size) + size) % size;
  const lat = dLat === 0 ? cell.lat : (((cell.lat + dLat) % size) + size) % size;
  return { lat, lon, step: cell.step };
}

/**
 * The cells to scan for a shape, in Redis's order (center, N, S, E, W, NE, NW, SE, SW); cells
 * Redis excludes as useless are undefined.
 */
export function searchCells(shape: GeoShape): (GeoCell | undefined)[] {
  const [minLon, minLat, maxLon, maxLat] = boundingBox(shape);
  const { longitude, latitude } = shape;
  let radiusMeters =
    shape.kind === "radius" ? shape.radius : Math.sqrt((shape.width / 2) * (shape.width / 2) + (shape.height / 2) * (shape.height / 2));
  radiusMeters *= shape.conversion;
  let steps = estimateSteps(radiusMeters, latitude);
  const cellAt = (step: number): GeoCell =>
    encode(WGS84_LONG_RANGE, WGS84_LAT_RANGE, longitude, latitude, step) ?? { lat: 0, lon: 0, step };
  let center = cellAt(steps);
  const areaOf = (cell: GeoCell) => decodeArea(WGS84_LONG_RANGE, WGS84_LAT_RANGE, cell);
  // A step too coarse for a shape near the edge of its cell: one step coarser covers it.
  if (
    steps > 1 &&
    (areaOf(moved(center, 0, 1)).latMax < maxLat ||
      areaOf(moved(center, 0, -1)).latMin > minLat ||
      areaOf(moved(center, 1, 0)).longMax < maxLon ||
      areaOf(moved(center, -1, 0)).longMin > minLon)
  ) {
    steps--;
    center = cellAt(steps);
  }
  const area = areaOf(center);
  let north: GeoCell | undefined = moved(center, 0, 1);
  let south: GeoCell | undefined = moved(center, 0, -1);
  let east: GeoCell | undefined = moved(center, 1, 0);
  let west: GeoCell | undefined = moved(center, -1, 0);
  let northEast: GeoCell | undefined = moved(center, 1, 1);
  let northWest: GeoCell | undefined = moved(center, -1, 1);
  let southEast: GeoCell | undefined = moved(center, 1, -1);
  let southWest: GeoCell | undefined = moved(center, -1, -1);
  if (steps >= 2) {
    if (area.latMin < minLat) south = southWest = southEast = undefined;
    if (area.latMax > maxLat) north = northEast = northWest = undefined;
    if (area.longMin < minLon) west = southWest = northWest = undefined;
    if (area.longMax > maxLon) east = southEast = northEast = undefined;
  }
  return [center, north, south, east, west, northEast, northWest, southEast, southWest];
}

/** The [min, max) score interval a cell covers (scoresOfGeoHashBox). */
export function scoreInterval(cell: GeoCell): [number, number] {
  const shift = 2 ** (52 - cell.step * 2);
  const bits = cellBits(cell);
  return [bits * shift, (bits + 1) * shift];
}
