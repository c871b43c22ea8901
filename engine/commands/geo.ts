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
import { storeSortedSet, zaddCommand } from "./sorted-sets";
import { type CommandContext, type CommandDefinition, type CommandSpec, defineCommand } from "./spec";

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
  let text = value.toFixed(digits);
  // toFixed rounds exact halfway cases away from zero; glibc rounds them to even.
  const longer = value.toFixed(digits + 1);
  if (longer.endsWith("5") && value.toFixed(digits + 25) === longer + "0".repeat(24)) {
    // The away-from-zero result ends in an odd digit: the even one is the truncated text.
    if ((text.charCodeAt(text.length - 1) - 48) % 2 === 1) text = truncateDigits(longer);
  }
  return Object.is(value, -0) || (value < 0 && !text.startsWith("-")) ? `-${text}` : text;
}

/** Drops the last digit of a fixed-point text (the halfway case rounded toward zero). */
function truncateDigits(text: string): string {
  const cut = text.slice(0, -1);
  return cut.endsWith(".") ? cut.slice(0, -1) : cut;
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
  for (let node = zset.list.firstInScoreRange(range); node !== null && node.score < max; node = node.next) {
    const [longitude, latitude] = decodeScore(node.score);
    const dist = distanceIfWithin(shape, longitude, latitude);
    if (dist === undefined) continue;
    out.push({ member: node.member, score: node.score, longitude, latitude, dist });
    // A limited (ANY) search stops as soon as it has enough.
    if (limit > 0 && out.length >= limit) return;
  }
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

/**
 * GEORADIUS and GEORADIUSBYMEMBER keys, found as Redis 7's key specs find them: the source,
 * then the key after the first STORE and after the first STOREDIST at or past `optionsFrom`.
 */
const radiusKeys =
  (optionsFrom: number) =>
  (argv: string[]): number[] => {
    const keys = [1];
    for (const keyword of ["STORE", "STOREDIST"]) {
      for (let i = optionsFrom; i < argv.length - 1; i++) {
        if (isToken(argv[i], keyword)) {
          keys.push(i + 1);
          break;
        }
      }
    }
    return keys;
  };

const searchCommand =
  (form: SearchForm) =>
  (ctx: CommandContext, argv: string[]): Reply =>
    searchGeneric(ctx, argv, form);

/** COMMAND DOCS texts, as Redis 7.0 reports them. */
const GEO_DOCS_BY_NAME = {
  geoadd: {
    summary: "Add one or more geospatial items in the geospatial index represented using a sorted set",
    since: "3.2.0",
    complexity: "O(log(N)) for each item added, where N is the number of elements in the sorted set.",
    history: [["6.2.0","Added the `CH`, `NX` and `XX` options."]],
    arguments: [{ name: "key", type: "key" }, { name: "condition", type: "oneof", since: "6.2.0", optional: true, arguments: [{ name: "nx", type: "pure-token", token: "NX" }, { name: "xx", type: "pure-token", token: "XX" }] }, { name: "change", type: "pure-token", token: "CH", since: "6.2.0", optional: true }, { name: "longitude_latitude_member", type: "block", multiple: true, arguments: [{ name: "longitude", type: "double" }, { name: "latitude", type: "double" }, { name: "member", type: "string" }] }],
  },
  geopos: {
    summary: "Returns longitude and latitude of members of a geospatial index",
    since: "3.2.0",
    complexity: "O(N) where N is the number of members requested.",
    arguments: [{ name: "key", type: "key" }, { name: "member", type: "string", multiple: true }],
  },
  geodist: {
    summary: "Returns the distance between two members of a geospatial index",
    since: "3.2.0",
    complexity: "O(log(N))",
    arguments: [{ name: "key", type: "key" }, { name: "member1", type: "string" }, { name: "member2", type: "string" }, { name: "unit", type: "oneof", optional: true, arguments: [{ name: "m", type: "pure-token", token: "M" }, { name: "km", type: "pure-token", token: "KM" }, { name: "ft", type: "pure-token", token: "FT" }, { name: "mi", type: "pure-token", token: "MI" }] }],
  },
  geohash: {
    summary: "Returns members of a geospatial index as standard geohash strings",
    since: "3.2.0",
    complexity: "O(log(N)) for each member requested, where N is the number of elements in the sorted set.",
    arguments: [{ name: "key", type: "key" }, { name: "member", type: "string", multiple: true }],
  },
  georadius: {
    summary: "Query a sorted set representing a geospatial index to fetch members matching a given maximum distance from a point",
    since: "3.2.0",
    complexity: "O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.",
    docFlags: ["deprecated"],
    deprecatedSince: "6.2.0",
    replacedBy: "`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` argument",
    history: [["6.2.0","Added the `ANY` option for `COUNT`."],["7.0.0","Added support for uppercase unit names."]],
    arguments: [{ name: "key", type: "key" }, { name: "longitude", type: "double" }, { name: "latitude", type: "double" }, { name: "radius", type: "double" }, { name: "unit", type: "oneof", arguments: [{ name: "m", type: "pure-token", token: "M" }, { name: "km", type: "pure-token", token: "KM" }, { name: "ft", type: "pure-token", token: "FT" }, { name: "mi", type: "pure-token", token: "MI" }] }, { name: "withcoord", type: "pure-token", token: "WITHCOORD", optional: true }, { name: "withdist", type: "pure-token", token: "WITHDIST", optional: true }, { name: "withhash", type: "pure-token", token: "WITHHASH", optional: true }, { name: "count", type: "block", optional: true, arguments: [{ name: "count", type: "integer", token: "COUNT" }, { name: "any", type: "pure-token", token: "ANY", since: "6.2.0", optional: true }] }, { name: "order", type: "oneof", optional: true, arguments: [{ name: "asc", type: "pure-token", token: "ASC" }, { name: "desc", type: "pure-token", token: "DESC" }] }, { name: "key", type: "key", token: "STORE", optional: true }, { name: "key", type: "key", token: "STOREDIST", optional: true }],
  },
  georadius_ro: {
    summary: "A read-only variant for GEORADIUS",
    since: "3.2.10",
    complexity: "O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.",
    docFlags: ["deprecated"],
    deprecatedSince: "6.2.0",
    replacedBy: "`GEOSEARCH` with the `BYRADIUS` argument",
    history: [["6.2.0","Added the `ANY` option for `COUNT`."]],
    arguments: [{ name: "key", type: "key" }, { name: "longitude", type: "double" }, { name: "latitude", type: "double" }, { name: "radius", type: "double" }, { name: "unit", type: "oneof", arguments: [{ name: "m", type: "pure-token", token: "M" }, { name: "km", type: "pure-token", token: "KM" }, { name: "ft", type: "pure-token", token: "FT" }, { name: "mi", type: "pure-token", token: "MI" }] }, { name: "withcoord", type: "pure-token", token: "WITHCOORD", optional: true }, { name: "withdist", type: "pure-token", token: "WITHDIST", optional: true }, { name: "withhash", type: "pure-token", token: "WITHHASH", optional: true }, { name: "count", type: "block", optional: true, arguments: [{ name: "count", type: "integer", token: "COUNT" }, { name: "any", type: "pure-token", token: "ANY", since: "6.2.0", optional: true }] }, { name: "order", type: "oneof", optional: true, arguments: [{ name: "asc", type: "pure-token", token: "ASC" }, { name: "desc", type: "pure-token", token: "DESC" }] }],
  },
  georadiusbymember: {
    summary: "Query a sorted set representing a geospatial index to fetch members matching a given maximum distance from a member",
    since: "3.2.0",
    complexity: "O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.",
    docFlags: ["deprecated"],
    deprecatedSince: "6.2.0",
    replacedBy: "`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` and `FROMMEMBER` arguments",
    history: [["7.0.0","Added support for uppercase unit names."]],
    arguments: [{ name: "key", type: "key" }, { name: "member", type: "string" }, { name: "radius", type: "double" }, { name: "unit", type: "oneof", arguments: [{ name: "m", type: "pure-token", token: "M" }, { name: "km", type: "pure-token", token: "KM" }, { name: "ft", type: "pure-token", token: "FT" }, { name: "mi", type: "pure-token", token: "MI" }] }, { name: "withcoord", type: "pure-token", token: "WITHCOORD", optional: true }, { name: "withdist", type: "pure-token", token: "WITHDIST", optional: true }, { name: "withhash", type: "pure-token", token: "WITHHASH", optional: true }, { name: "count", type: "block", optional: true, arguments: [{ name: "count", type: "integer", token: "COUNT" }, { name: "any", type: "pure-token", token: "ANY", optional: true }] }, { name: "order", type: "oneof", optional: true, arguments: [{ name: "asc", type: "pure-token", token: "ASC" }, { name: "desc", type: "pure-token", token: "DESC" }] }, { name: "key", type: "key", token: "STORE", optional: true }, { name: "key", type: "key", token: "STOREDIST", optional: true }],
  },
  georadiusbymember_ro: {
    summary: "A read-only variant for GEORADIUSBYMEMBER",
    since: "3.2.10",
    complexity: "O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.",
    docFlags: ["deprecated"],
    deprecatedSince: "6.2.0",
    replacedBy: "`GEOSEARCH` with the `BYRADIUS` and `FROMMEMBER` arguments",
    arguments: [{ name: "key", type: "key" }, { name: "member", type: "string" }, { name: "radius", type: "double" }, { name: "unit", type: "oneof", arguments: [{ name: "m", type: "pure-token", token: "M" }, { name: "km", type: "pure-token", token: "KM" }, { name: "ft", type: "pure-token", token: "FT" }, { name: "mi", type: "pure-token", token: "MI" }] }, { name: "withcoord", type: "pure-token", token: "WITHCOORD", optional: true }, { name: "withdist", type: "pure-token", token: "WITHDIST", optional: true }, { name: "withhash", type: "pure-token", token: "WITHHASH", optional: true }, { name: "count", type: "block", optional: true, arguments: [{ name: "count", type: "integer", token: "COUNT" }, { name: "any", type: "pure-token", token: "ANY", optional: true }] }, { name: "order", type: "oneof", optional: true, arguments: [{ name: "asc", type: "pure-token", token: "ASC" }, { name: "desc", type: "pure-token", token: "DESC" }] }],
  },
  geosearch: {
    summary: "Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle.",
    since: "6.2.0",
    complexity: "O(N+log(M)) where N is the number of elements in the grid-aligned bounding box area around the shape provided as the filter and M is the number of items inside the shape",
    history: [["7.0.0","Added support for uppercase unit names."]],
    arguments: [{ name: "key", type: "key" }, { name: "from", type: "oneof", arguments: [{ name: "member", type: "string", token: "FROMMEMBER" }, { name: "longitude_latitude", type: "block", token: "FROMLONLAT", arguments: [{ name: "longitude", type: "double" }, { name: "latitude", type: "double" }] }] }, { name: "by", type: "oneof", arguments: [{ name: "circle", type: "block", arguments: [{ name: "radius", type: "double", token: "BYRADIUS" }, { name: "unit", type: "oneof", arguments: [{ name: "m", type: "pure-token", token: "M" }, { name: "km", type: "pure-token", token: "KM" }, { name: "ft", type: "pure-token", token: "FT" }, { name: "mi", type: "pure-token", token: "MI" }] }] }, { name: "box", type: "block", arguments: [{ name: "width", type: "double", token: "BYBOX" }, { name: "height", type: "double" }, { name: "unit", type: "oneof", arguments: [{ name: "m", type: "pure-token", token: "M" }, { name: "km", type: "pure-token", token: "KM" }, { name: "ft", type: "pure-token", token: "FT" }, { name: "mi", type: "pure-token", token: "MI" }] }] }] }, { name: "order", type: "oneof", optional: true, arguments: [{ name: "asc", type: "pure-token", token: "ASC" }, { name: "desc", type: "pure-token", token: "DESC" }] }, { name: "count", type: "block", optional: true, arguments: [{ name: "count", type: "integer", token: "COUNT" }, { name: "any", type: "pure-token", token: "ANY", optional: true }] }, { name: "withcoord", type: "pure-token", token: "WITHCOORD", optional: true }, { name: "withdist", type: "pure-token", token: "WITHDIST", optional: true }, { name: "withhash", type: "pure-token", token: "WITHHASH", optional: true }],
  },
  geosearchstore: {
    summary: "Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle, and store the result in another key.",
    since: "6.2.0",
    complexity: "O(N+log(M)) where N is the number of elements in the grid-aligned bounding box area around the shape provided as the filter and M is the number of items inside the shape",
    history: [["7.0.0","Added support for uppercase unit names."]],
    arguments: [{ name: "destination", type: "key" }, { name: "source", type: "key" }, { name: "from", type: "oneof", arguments: [{ name: "member", type: "string", token: "FROMMEMBER" }, { name: "longitude_latitude", type: "block", token: "FROMLONLAT", arguments: [{ name: "longitude", type: "double" }, { name: "latitude", type: "double" }] }] }, { name: "by", type: "oneof", arguments: [{ name: "circle", type: "block", arguments: [{ name: "radius", type: "double", token: "BYRADIUS" }, { name: "unit", type: "oneof", arguments: [{ name: "m", type: "pure-token", token: "M" }, { name: "km", type: "pure-token", token: "KM" }, { name: "ft", type: "pure-token", token: "FT" }, { name: "mi", type: "pure-token", token: "MI" }] }] }, { name: "box", type: "block", arguments: [{ name: "width", type: "double", token: "BYBOX" }, { name: "height", type: "double" }, { name: "unit", type: "oneof", arguments: [{ name: "m", type: "pure-token", token: "M" }, { name: "km", type: "pure-token", token: "KM" }, { name: "ft", type: "pure-token", token: "FT" }, { name: "mi", type: "pure-token", token: "MI" }] }] }] }, { name: "order", type: "oneof", optional: true, arguments: [{ name: "asc", type: "pure-token", token: "ASC" }, { name: "desc", type: "pure-token", token: "DESC" }] }, { name: "count", type: "block", optional: true, arguments: [{ name: "count", type: "integer", token: "COUNT" }, { name: "any", type: "pure-token", token: "ANY", optional: true }] }, { name: "storedist", type: "pure-token", token: "STOREDIST", optional: true }],
  },
} satisfies Record<string, Omit<CommandDefinition, "arity" | "group">>;

export const commands: CommandSpec[] = [
  defineCommand("geoadd", {
    ...GEO_DOCS_BY_NAME.geoadd,
    group: "geo",
    arity: -5,
    flags: "write denyoom",
    keys: [1, 1, 1],
    acl: "write geo slow",
    handler: geoaddCommand,
  }),
  defineCommand("geopos", {
    ...GEO_DOCS_BY_NAME.geopos,
    group: "geo",
    arity: -2,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read geo slow",
    handler: geoposCommand,
  }),
  defineCommand("geodist", {
    ...GEO_DOCS_BY_NAME.geodist,
    group: "geo",
    arity: -4,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read geo slow",
    handler: geodistCommand,
  }),
  defineCommand("geohash", {
    ...GEO_DOCS_BY_NAME.geohash,
    group: "geo",
    arity: -2,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read geo slow",
    handler: geohashCommand,
  }),
  defineCommand("georadius", {
    ...GEO_DOCS_BY_NAME.georadius,
    group: "geo",
    arity: -6,
    flags: "write denyoom movablekeys",
    keys: [1, 1, 1],
    acl: "write geo slow",
    getKeys: radiusKeys(6),
    handler: searchCommand({ center: "lonlat", searchStore: false, readOnly: false }),
  }),
  defineCommand("georadius_ro", {
    ...GEO_DOCS_BY_NAME.georadius_ro,
    group: "geo",
    arity: -6,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read geo slow",
    handler: searchCommand({ center: "lonlat", searchStore: false, readOnly: true }),
  }),
  defineCommand("georadiusbymember", {
    ...GEO_DOCS_BY_NAME.georadiusbymember,
    group: "geo",
    arity: -5,
    flags: "write denyoom movablekeys",
    keys: [1, 1, 1],
    acl: "write geo slow",
    getKeys: radiusKeys(5),
    handler: searchCommand({ center: "member", searchStore: false, readOnly: false }),
  }),
  defineCommand("georadiusbymember_ro", {
    ...GEO_DOCS_BY_NAME.georadiusbymember_ro,
    group: "geo",
    arity: -5,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read geo slow",
    handler: searchCommand({ center: "member", searchStore: false, readOnly: true }),
  }),
  defineCommand("geosearch", {
    ...GEO_DOCS_BY_NAME.geosearch,
    group: "geo",
    arity: -7,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read geo slow",
    handler: searchCommand({ center: "options", searchStore: false, readOnly: true }),
  }),
  defineCommand("geosearchstore", {
    ...GEO_DOCS_BY_NAME.geosearchstore,
    group: "geo",
    arity: -8,
    flags: "write denyoom",
    keys: [1, 2, 1],
    acl: "write geo slow",
    handler: searchCommand({ center: "options", searchStore: true, readOnly: false }),
  }),
];
