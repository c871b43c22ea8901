/**
 * Geo commands (Redis's geo.c): points are sorted-set members whose scores are 52-bit
 * geohashes (structures/geohash.ts). GEOADD is ZADD with computed scores; searches scan the
 * score intervals of the 9 cells around the center, then filter by exact distance.
 */
import { errors, fail } from "../errors";
import { DoubleReply, ErrorReply, NULL_ARRAY, type Reply } from "../protocol/reply";
import {
  GEO_LAT_MAX,
  GEO_LAT_MIN,
  GEO_LONG_MAX,
  GEO_LONG_MIN,
  type GeoShape,
  decodeScore,
  distance,
  distanceIfWithin,
  encodeScore,
  scoreInterval,
  searchCells,
  standardGeohash,
} from "../structures/geohash";
import { pqsort } from "../structures/pqsort";
import { SortedSet } from "../structures/zset";
import { parseInt64, parseStrictDouble } from "../util/numbers";
import { isToken, readTyped } from "./args";
import { forEachInRange, storeSortedSet, zaddCommand } from "./sorted-sets";
import { type CommandContext, type CommandSpec, defineCommand } from "./spec";

const UNKNOWN_MEMBER = new ErrorReply("ERR could not decode requested zset member");
const BAD_UNIT = new ErrorReply("ERR unsupported unit provided. please use M, KM, FT, MI");

/** A double argument (getDoubleFromObjectOrReply), with a custom error when given. */
function doubleArg(text: string, error: ErrorReply = errors.notFloat): number {
  const value = parseStrictDouble(text);
  if (value === undefined) fail(error);
  return value;
}

/** extractLongLatOrReply. */
function lonLatArg(lonText: string, latText: string): [number, number] {
  const longitude = doubleArg(lonText);
  const latitude = doubleArg(latText);
  if (longitude < GEO_LONG_MIN || longitude > GEO_LONG_MAX || latitude < GEO_LAT_MIN || latitude > GEO_LAT_MAX) {
    // Redis formats the pair with %f.
    fail(`ERR invalid longitude,latitude pair ${formatFixed(longitude, 6)},${formatFixed(latitude, 6)}`);
  }
  return [longitude, latitude];
}

/** C's %.<digits>f. */
function formatFixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
  if (Math.abs(value) >= 1e21) return BigInt(value).toString() + "." + "0".repeat(digits);
  const text = value.toFixed(digits);
  return Object.is(value, -0) || (value < 0 && !text.startsWith("-")) ? `-${text}` : text;
}

/** Meters per unit (extractUnitOrReply). */
function unitArg(text: string): number {
  const unit = text.toLowerCase();
  if (unit === "m") return 1;
  if (unit === "km") return 1000;
  if (unit === "ft") return 0.3048;
  if (unit === "mi") return 1609.34;
  return fail(BAD_UNIT);
}

/** Distances are replied as bulk strings with four decimals. */
function distanceReply(meters: number): string {
  return formatFixed(meters, 4);
}

/** Coordinates use Redis's "human" long-double format: %.17Lf without trailing zeros. */
function coordinateReply(value: number): DoubleReply {
  let text = formatFixed(value, 17);
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  if (text === "-0") text = "0";
  return new DoubleReply(value, text);
}

// ---- GEOADD, GEOPOS, GEODIST, GEOHASH -----------------------------------------------------

function geoaddCommand(ctx: CommandContext, argv: string[]): Reply {
  let first = 2;
  let nx = false;
  let xx = false;
  for (; first < argv.length; first++) {
    const option = argv[first]!;
    if (isToken(option, "NX")) nx = true;
    else if (isToken(option, "XX")) xx = true;
    else if (!isToken(option, "CH")) break;
  }
  if ((argv.length - first) % 3 !== 0 || (nx && xx)) return errors.syntax;
  // ZADD key [options] score member ...: the options are passed through as given.
  const zaddArgv = argv.slice(0, first);
  zaddArgv[0] = "zadd";
  for (let i = first; i < argv.length; i += 3) {
    const [longitude, latitude] = lonLatArg(argv[i]!, argv[i + 1]!);
    zaddArgv.push(String(encodeScore(longitude, latitude)), argv[i + 2]!);
  }
  return zaddCommand(ctx, zaddArgv);
}

function geoposCommand({ client }: CommandContext, argv: string[]): Reply {
  const zset = readTyped(client.db, argv[1]!, "zset")?.value;
  const out: Reply[] = new Array(argv.length - 2);
  for (let i = 2; i < argv.length; i++) {
    const score = zset?.score(argv[i]!);
    if (score === undefined) {
      out[i - 2] = NULL_ARRAY;
      continue;
    }
    const [longitude, latitude] = decodeScore(score);
    out[i - 2] = [coordinateReply(longitude), coordinateReply(latitude)];
  }
  return out;
}

function geodistCommand({ client }: CommandContext, argv: string[]): Reply {
  let toMeters = 1;
  if (argv.length === 5) toMeters = unitArg(argv[4]!);
  else if (argv.length > 5) return errors.syntax;
  const zset = readTyped(client.db, argv[1]!, "zset")?.value;
  if (zset === undefined) return null;
  const first = zset.score(argv[2]!);
  const second = zset.score(argv[3]!);
  if (first === undefined || second === undefined) return null;
  const [lon1, lat1] = decodeScore(first);
  const [lon2, lat2] = decodeScore(second);
  return distanceReply(distance(lon1, lat1, lon2, lat2) / toMeters);
}

function geohashCommand({ client }: CommandContext, argv: string[]): Reply {
  const zset = readTyped(client.db, argv[1]!, "zset")?.value;
  const out: Reply[] = new Array(argv.length - 2);
  for (let i = 2; i < argv.length; i++) {
    const score = zset?.score(argv[i]!);
    out[i - 2] = score === undefined ? null : standardGeohash(score);
  }
  return out;
}

// ---- searches -----------------------------------------------------------------------------

/** How the command was called: which positions hold what, and what it may do. */
interface SearchForm {
  /** GEORADIUS: center given as lon lat; GEORADIUSBYMEMBER: as a member; GEOSEARCH: by options. */
  center: "lonlat" | "member" | "options";
  /** GEOSEARCHSTORE: argv[1] is the destination, argv[2] the source. */
  searchStore: boolean;
  /** The _RO variants refuse STORE/STOREDIST. */
  readOnly: boolean;
}

interface GeoPoint {
  member: string;
  score: number;
  longitude: number;
  latitude: number;
  dist: number;
}

/** Collects the members of one cell's score interval that lie within the shape (geoGetPointsInRange). */
function pointsInCell(zset: SortedSet, min: number, max: number, shape: GeoShape, out: GeoPoint[], limit: number): void {
  const range = { min, minExclusive: false, max, maxExclusive: true };
  // forEachInRange has no early exit; a limited search stops adding once full, as Redis stops scanning.
  forEachInRange(zset, { kind: "score", range, offset: 0, limit: -1 }, false, (node) => {
    if (limit > 0 && out.length >= limit) return;
    const [longitude, latitude] = decodeScore(node.score);
    const dist = distanceIfWithin(shape, longitude, latitude);
    if (dist !== undefined) out.push({ member: node.member, score: node.score, longitude, latitude, dist });
  });
}

/** membersOfAllNeighbors: the 9 cells in Redis's order, skipping a cell equal to the last one scanned. */
function pointsInShape(zset: SortedSet, shape: GeoShape, limit: number): GeoPoint[] {
  const cells = searchCells(shape);
  const out: GeoPoint[] = [];
  let lastProcessed = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === undefined) continue;
    const last = cells[lastProcessed];
    // Redis's check is skipped while the last processed cell is the center (index 0).
    if (lastProcessed !== 0 && last && last.lat === cell.lat && last.lon === cell.lon && last.step === cell.step) continue;
    if (out.length > 0 && limit > 0 && out.length >= limit) break;
    const [min, max] = scoreInterval(cell);
    pointsInCell(zset, min, max, shape, out, limit);
    lastProcessed = i;
  }
  return out;
}

const ascendingDistance = (a: GeoPoint, b: GeoPoint) => (a.dist < b.dist ? -1 : a.dist > b.dist ? 1 : 0);
const descendingDistance = (a: GeoPoint, b: GeoPoint) => -ascendingDistance(a, b);

/** The distance and box arguments (extractDistanceOrReply / extractBoxOrReply). */
function radiusArgs(argv: string[], at: number): { radius: number; conversion: number } {
  const radius = doubleArg(argv[at]!, new ErrorReply("ERR need numeric radius"));
  if (radius < 0) fail("ERR radius cannot be negative");
  return { radius, conversion: unitArg(argv[at + 1]!) };
}

function boxArgs(argv: string[], at: number): { width: number; height: number; conversion: number } {
  const width = doubleArg(argv[at]!, new ErrorReply("ERR need numeric width"));
  const height = doubleArg(argv[at + 1]!, new ErrorReply("ERR need numeric height"));
  if (height < 0 || width < 0) fail("ERR height or width cannot be negative");
  return { width, height, conversion: unitArg(argv[at + 2]!) };
}

function memberPosition(zset: SortedSet, member: string): [number, number] {
  const score = zset.score(member);
  if (score === undefined) fail(UNKNOWN_MEMBER);
  return decodeScore(score);
}

/** georadiusGeneric: every search command, with Redis's argument checks in Redis's order. */
function searchGeneric(ctx: CommandContext, argv: string[], form: SearchForm): Reply {
  const { client } = ctx;
  const db = client.db;
  const sourceIndex = form.searchStore ? 2 : 1;
  const zset = readTyped(db, argv[sourceIndex]!, "zset")?.value;
  const byOptions = form.center === "options";

  let center: [number, number] | undefined;
  let radius: { radius: number; conversion: number } | undefined;
  let box: { width: number; height: number; conversion: number } | undefined;
  let base: number;
  if (form.center === "lonlat") {
    base = 6;
    center = lonLatArg(argv[2]!, argv[3]!);
    radius = radiusArgs(argv, 4);
  } else if (form.center === "member") {
    base = 5;
    if (zset !== undefined) {
      center = memberPosition(zset, argv[2]!);
      radius = radiusArgs(argv, 3);
    }
  } else {
    base = form.searchStore ? 3 : 2;
  }

  let withDist = false;
  let withHash = false;
  let withCoord = false;
  let fromMember = false;
  let fromLonLat = false;
  let sort: "none" | "asc" | "desc" = "none";
  let any = false;
  let count = 0;
  let storeKey: string | undefined = form.searchStore ? argv[1] : undefined;
  let storeDist = false;
  for (let i = base; i < argv.length; i++) {
    const option = argv[i]!.toLowerCase();
    const remaining = argv.length - i - 1;
    if (option === "withdist") withDist = true;
    else if (option === "withhash") withHash = true;
    else if (option === "withcoord") withCoord = true;
    else if (option === "any") any = true;
    else if (option === "asc") sort = "asc";
    else if (option === "desc") sort = "desc";
    else if (option === "count" && remaining >= 1) {
      const parsed = parseStrictInteger(argv[++i]!);
      if (parsed <= 0) fail("ERR COUNT must be > 0");
      count = parsed;
    } else if ((option === "store" || option === "storedist") && remaining >= 1 && !form.readOnly && !byOptions) {
      storeKey = argv[++i]!;
      storeDist = option === "storedist";
    } else if (option === "storedist" && form.searchStore) {
      storeDist = true;
    } else if (option === "frommember" && remaining >= 1 && byOptions && !fromLonLat) {
      const member = argv[++i]!;
      if (zset !== undefined) center = memberPosition(zset, member);
      fromMember = true;
    } else if (option === "fromlonlat" && remaining >= 2 && byOptions && !fromMember) {
      center = lonLatArg(argv[i + 1]!, argv[i + 2]!);
      fromLonLat = true;
      i += 2;
    } else if (option === "byradius" && remaining >= 2 && byOptions && box === undefined) {
      radius = radiusArgs(argv, i + 1);
      i += 2;
    } else if (option === "bybox" && remaining >= 3 && byOptions && radius === undefined) {
      box = boxArgs(argv, i + 1);
      i += 3;
    } else {
      return errors.syntax;
    }
  }

  if (storeKey !== undefined && (withDist || withHash || withCoord)) {
    const what = form.searchStore ? "GEOSEARCHSTORE" : "STORE option in GEORADIUS";
    return new ErrorReply(`ERR ${what} is not compatible with WITHDIST, WITHHASH and WITHCOORD options`);
  }
  if (byOptions && !(fromMember || fromLonLat)) {
    return new ErrorReply(`ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for ${argv[0]}`);
  }
  if (byOptions && radius === undefined && box === undefined) {
    return new ErrorReply(`ERR exactly one of BYRADIUS and BYBOX can be specified for ${argv[0]}`);
  }
  if (any && count === 0) return new ErrorReply("ERR the ANY argument requires COUNT argument");

  if (zset === undefined) {
    if (storeKey === undefined) return [];
    return storeSortedSet(ctx, storeKey, new SortedSet(), "georadiusstore");
  }
  if (count !== 0 && sort === "none" && !any) sort = "asc";

  const [longitude, latitude] = center!;
  const shape: GeoShape = box
    ? { kind: "box", longitude, latitude, ...box }
    : { kind: "radius", longitude, latitude, ...radius! };
  const points = pointsInShape(zset, shape, any ? count : 0);
  if (points.length === 0 && storeKey === undefined) return [];

  const returned = count === 0 || points.length < count ? points.length : count;
  if (sort !== "none") {
    const compare = sort === "asc" ? ascendingDistance : descendingDistance;
    // Redis sorts everything with qsort (glibc's is a stable merge sort), or only the first
    // `returned` positions with its pqsort, whose order of equal distances differs.
    if (returned === points.length) points.sort(compare);
    else pqsort(points, compare, 0, returned - 1);
  }

  const conversion = shape.conversion;
  if (storeKey === undefined) {
    const options = (withDist ? 1 : 0) + (withHash ? 1 : 0) + (withCoord ? 1 : 0);
    const out: Reply[] = new Array(returned);
    for (let i = 0; i < returned; i++) {
      const point = points[i]!;
      if (options === 0) {
        out[i] = point.member;
        continue;
      }
      const item: Reply[] = [point.member];
      if (withDist) item.push(distanceReply(point.dist / conversion));
      if (withHash) item.push(Math.trunc(point.score));
      if (withCoord) item.push([coordinateReply(point.longitude), coordinateReply(point.latitude)]);
      out[i] = item;
    }
    return out;
  }
  const result = new SortedSet("skiplist");
  for (let i = 0; i < returned; i++) {
    const point = points[i]!;
    result.set(point.member, storeDist ? point.dist / conversion : point.score);
  }
  return storeSortedSet(ctx, storeKey, result, byOptions ? "geosearchstore" : "georadiusstore");
}

/** COUNT's value, read like getLongLongFromObjectOrReply. */
function parseStrictInteger(text: string): number {
  const value = parseInt64(text);
  if (value === undefined) fail(errors.notInteger);
  return Number(value);
}

/** GEORADIUS and GEORADIUSBYMEMBER report the source key, and the STORE/STOREDIST key when present. */
function radiusKeys(argv: string[]): number[] {
  let stored = -1;
  for (let i = 5; i < argv.length; i++) {
    if ((isToken(argv[i], "STORE") || isToken(argv[i], "STOREDIST")) && i + 1 < argv.length) {
      stored = i + 1;
      i++;
    }
  }
  return stored === -1 ? [1] : [1, stored];
}

const searchCommand =
  (form: SearchForm) =>
  (ctx: CommandContext, argv: string[]): Reply =>
    searchGeneric(ctx, argv, form);

const GEO_DOCS = { group: "geo" } as const;

export const commands: CommandSpec[] = [
  defineCommand("geoadd", {
    ...GEO_DOCS,
    arity: -5,
    flags: "write denyoom",
    keys: [1, 1, 1],
    acl: "write geo slow",
    since: "3.2.0",
    summary: "Adds one or more members to a geospatial index. The key is created if it doesn't exist.",
    complexity: "O(log(N)) for each item added, where N is the number of elements in the sorted set.",
    handler: geoaddCommand,
  }),
  defineCommand("geopos", {
    ...GEO_DOCS,
    arity: -2,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read geo slow",
    since: "3.2.0",
    summary: "Returns the longitude and latitude of members from a geospatial index.",
    complexity: "O(N) where N is the number of members requested.",
    handler: geoposCommand,
  }),
  defineCommand("geodist", {
    ...GEO_DOCS,
    arity: -4,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read geo slow",
    since: "3.2.0",
    summary: "Returns the distance between two members of a geospatial index.",
    complexity: "O(1)",
    handler: geodistCommand,
  }),
  defineCommand("geohash", {
    ...GEO_DOCS,
    arity: -2,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read geo slow",
    since: "3.2.0",
    summary: "Returns members from a geospatial index as geohash strings.",
    complexity: "O(1) for each member requested.",
    handler: geohashCommand,
  }),
  defineCommand("georadius", {
    ...GEO_DOCS,
    arity: -6,
    flags: "write denyoom movablekeys",
    keys: [1, 1, 1],
    acl: "write geo slow",
    since: "3.2.0",
    summary: "Queries a geospatial index for members within a distance from a coordinate, optionally stores the result.",
    complexity: "O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.",
    docFlags: ["deprecated"],
    deprecatedSince: "6.2.0",
    replacedBy: "`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` argument",
    getKeys: radiusKeys,
    handler: searchCommand({ center: "lonlat", searchStore: false, readOnly: false }),
  }),
  defineCommand("georadius_ro", {
    ...GEO_DOCS,
    arity: -6,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read geo slow",
    since: "3.2.10",
    summary: "Returns members from a geospatial index that are within a distance from a coordinate.",
    complexity: "O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.",
    docFlags: ["deprecated"],
    deprecatedSince: "6.2.0",
    replacedBy: "`GEOSEARCH` with the `BYRADIUS` argument",
    handler: searchCommand({ center: "lonlat", searchStore: false, readOnly: true }),
  }),
  defineCommand("georadiusbymember", {
    ...GEO_DOCS,
    arity: -5,
    flags: "write denyoom movablekeys",
    keys: [1, 1, 1],
    acl: "write geo slow",
    since: "3.2.0",
    summary: "Queries a geospatial index for members within a distance from a member, optionally stores the result.",
    complexity: "O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.",
    docFlags: ["deprecated"],
    deprecatedSince: "6.2.0",
    replacedBy: "`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` and `FROMMEMBER` arguments",
    getKeys: radiusKeys,
    handler: searchCommand({ center: "member", searchStore: false, readOnly: false }),
  }),
  defineCommand("georadiusbymember_ro", {
    ...GEO_DOCS,
    arity: -5,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read geo slow",
    since: "3.2.10",
    summary: "Returns members from a geospatial index that are within a distance from a member.",
    complexity: "O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.",
    docFlags: ["deprecated"],
    deprecatedSince: "6.2.0",
    replacedBy: "`GEOSEARCH` with the `BYRADIUS` and `FROMMEMBER` arguments",
    handler: searchCommand({ center: "member", searchStore: false, readOnly: true }),
  }),
  defineCommand("geosearch", {
    ...GEO_DOCS,
    arity: -7,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read geo slow",
    since: "6.2.0",
    summary: "Queries a geospatial index for members inside an area of a box or a circle.",
    complexity: "O(N+log(M)) where N is the number of elements in the grid-aligned bounding box area around the shape provided as the filter and M is the number of items inside the shape",
    handler: searchCommand({ center: "options", searchStore: false, readOnly: true }),
  }),
  defineCommand("geosearchstore", {
    ...GEO_DOCS,
    arity: -8,
    flags: "write denyoom",
    keys: [1, 2, 1],
    acl: "write geo slow",
    since: "6.2.0",
    summary: "Queries a geospatial index for members inside an area of a box or a circle, optionally stores the result.",
    complexity: "O(N+log(M)) where N is the number of elements in the grid-aligned bounding box area around the shape provided as the filter and M is the number of items inside the shape",
    handler: searchCommand({ center: "options", searchStore: true, readOnly: false }),
  }),
];
