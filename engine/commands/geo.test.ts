import { describe, expect, it } from "vitest";
import { checkCommandMetadata, collectNotifications } from "../testing/command-checks";
import { type StepInput, seededRandom, useDifferential } from "../testing/differential";
import { commands } from "./geo";

/** [longitude, latitude, name]: spread over the globe, with the edges Redis accepts. */
const CITIES: [number, number, string][] = [
  [13.361389, 38.115556, "Palermo"],
  [15.087269, 37.502669, "Catania"],
  [12.496366, 41.902782, "Rome"],
  [2.352222, 48.856613, "Paris"],
  [-0.127758, 51.507351, "London"],
  [-74.005941, 40.712784, "NewYork"],
  [-118.243685, 34.052234, "LosAngeles"],
  [139.691706, 35.689487, "Tokyo"],
  [151.209296, -33.86882, "Sydney"],
  [174.763332, -36.84846, "Auckland"],
  [-43.172896, -22.906847, "Rio"],
  [18.4241, -33.9249, "CapeTown"],
  [37.6173, 55.755826, "Moscow"],
  [-149.900278, 61.218056, "Anchorage"],
  [25.7482, 66.5039, "Rovaniemi"],
  [15.6356, 78.2232, "Longyearbyen"],
  [-62.3481, 82.5018, "Alert"],
  [166.6863, -77.8419, "McMurdo"],
  [179.9999, -16.5, "FijiEast"],
  [-179.9999, -16.6, "FijiWest"],
  [180, 0, "Antimeridian"],
  [-180, 0, "AntimeridianWest"],
  [0, 0, "NullIsland"],
  [0, 85.05112878, "NorthEdge"],
  [0, -85.05112878, "SouthEdge"],
  [180, 85.05112878, "NorthEastCorner"],
  [-180, -85.05112878, "SouthWestCorner"],
  [179.5, 84.9, "NearNorthEast"],
  [-0.0001, 0.0001, "NearNull"],
  [103.819836, 1.352083, "Singapore"],
];

const cityArgs = CITIES.flatMap(([lon, lat, name]) => [String(lon), String(lat), name]);
const names = CITIES.map(([, , name]) => name);

describe("geo commands against redis-server", () => {
  const diff = useDifferential();

  it("GEOADD stores Redis's scores; GEOPOS, GEOHASH and GEODIST read them back identically", async () => {
    await diff.check([
      ["GEOADD", "g", ...cityArgs],
      ["ZRANGE", "g", "0", "-1", "WITHSCORES"],
      ["GEOPOS", "g", ...names, "missing"],
      ["GEOHASH", "g", ...names, "missing"],
      ["GEOPOS", "nokey", "a", "b"],
      ["GEOHASH", "nokey", "a"],
      ["GEOPOS", "g"],
      ["GEOHASH", "g"],
    ]);
    const steps: StepInput[] = [];
    for (let i = 0; i < names.length; i++) {
      const other = names[(i * 7 + 3) % names.length]!;
      for (const unit of ["m", "km", "ft", "mi", "KM"]) steps.push(["GEODIST", "g", names[i]!, other, unit]);
    }
    steps.push(
      ["GEODIST", "g", "Palermo", "Palermo"],
      ["GEODIST", "g", "Palermo", "missing"],
      ["GEODIST", "nokey", "a", "b"],
      ["GEODIST", "g", "Palermo", "Rome", "yards"],
      ["GEODIST", "g", "Palermo", "Rome", "km", "extra"],
      ["GEODIST", "nokey", "a", "b", "yards"],
      ["GEODIST", "g", "Palermo"],
    );
    await diff.check(steps);
  });

  it("GEOADD options, errors and the reply counts", async () => {
    await diff.check([
      ["GEOADD", "g", "13.361389", "38.115556", "Palermo"],
      ["GEOADD", "g", "NX", "13.4", "38.1", "Palermo", "15.087269", "37.502669", "Catania"],
      ["GEOPOS", "g", "Palermo"],
      ["GEOADD", "g", "XX", "13.4", "38.1", "Palermo", "1", "1", "New"],
      ["GEOADD", "g", "XX", "CH", "13.5", "38.1", "Palermo"],
      ["GEOADD", "g", "CH", "13.5", "38.1", "Palermo", "2", "2", "Other"],
      ["GEOADD", "g", "ch", "nx", "1", "1", "Third"],
      ["GEOADD", "g", "NX", "XX", "1", "1", "x"],
      ["GEOADD", "g", "GT", "1", "1", "x"],
      ["GEOADD", "g", "1", "1", "x", "2"],
      ["GEOADD", "g", "NX", "CH"],
      ["GEOADD", "g", "NX", "XX", "CH", "1", "1"],
      ["GEOADD", "g", "181", "1", "x"],
      ["GEOADD", "g", "-180.0000001", "1", "x"],
      ["GEOADD", "g", "1", "85.05112879", "x"],
      ["GEOADD", "g", "1", "-85.0511288", "x"],
      ["GEOADD", "g", "1e3", "1e3", "x"],
      ["GEOADD", "g", "abc", "1", "x"],
      ["GEOADD", "g", "1", "nan", "x"],
      ["GEOADD", "g", "inf", "1", "x"],
      // %f rounds exact halfway cases to even, unlike toFixed.
      ["GEOADD", "g", "200.0078125", "0", "x"],
      ["GEOADD", "g", "-200.0234375", "100.5", "x"],
      ["GEOADD", "g", "1e300", "-1e-300", "x"],
      ["GEOADD", "g", "1", "1", "ok", "500", "1", "bad"],
      ["ZCARD", "g"],
      ["GEOADD", "g", "1", "1"],
      ["SET", "s", "x"],
      ["GEOADD", "s", "1", "1", "x"],
      ["GEOPOS", "s", "x"],
      ["GEODIST", "s", "a", "b"],
      ["GEOHASH", "s", "x"],
      ["GEOSEARCH", "s", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km"],
      ["GEORADIUS", "s", "0", "0", "1", "km"],
      ["GEOADD", "g", "0", "0", "bin\x00\xff"],
      ["GEOPOS", "g", "bin\x00\xff"],
      ["OBJECT", "ENCODING", "g"],
      ["TYPE", "g"],
    ]);
  });

  it("decodes scores ZADD wrote (negative, fractional, huge, infinite) as Redis's uint64 cast does", async () => {
    const scores = ["-1", "1.5", "4503599627370496", "9007199254740992", "1e300", "-1e300", "0", "inf", "-inf", "18446744073709551616", "-9223372036854775808", "9223372036854775808", "-4.5", "12345678901234567"];
    const members = scores.map((_, i) => `s${i}`);
    await diff.check([
      ["ZADD", "z", ...scores.flatMap((score, i) => [score, members[i]!])],
      ["GEOPOS", "z", ...members],
      ["GEOHASH", "z", ...members],
      ["GEODIST", "z", "s0", "s1", "km"],
      ["GEODIST", "z", "s4", "s5"],
      ["GEOSEARCH", "z", "FROMMEMBER", "s6", "BYRADIUS", "20000", "km", "WITHHASH", "WITHCOORD", "ASC"],
      ["GEOSEARCH", "z", "FROMMEMBER", "s0", "BYBOX", "100", "100", "km", "WITHDIST"],
    ]);
  });

  it("radius and box searches from every city, every unit and every order", async () => {
    await diff.check([["GEOADD", "g", ...cityArgs]]);
    const steps: StepInput[] = [];
    const radii: [string, string][] = [["0", "m"], ["50", "km"], ["500", "km"], ["2000", "km"], ["5000", "mi"], ["12000", "km"], ["30000", "km"], ["1000000", "ft"]];
    for (const [lon, lat, name] of CITIES) {
      for (const [radius, unit] of radii) {
        steps.push({ argv: ["GEOSEARCH", "g", "FROMMEMBER", name, "BYRADIUS", radius, unit], unordered: false });
        steps.push(["GEOSEARCH", "g", "FROMLONLAT", String(lon), String(lat), "BYRADIUS", radius, unit, "ASC", "WITHDIST"]);
        steps.push(["GEORADIUS", "g", String(lon), String(lat), radius, unit, "DESC", "WITHCOORD", "WITHHASH", "WITHDIST"]);
        steps.push(["GEORADIUSBYMEMBER_RO", "g", name, radius, unit, "WITHDIST", "COUNT", "3"]);
        steps.push(["GEOSEARCH", "g", "FROMMEMBER", name, "BYBOX", radius, String(Number(radius) / 2 + 1), unit, "WITHDIST", "WITHCOORD"]);
        steps.push(["GEOSEARCH", "g", "FROMLONLAT", String(lon), String(lat), "BYBOX", String(Number(radius) * 2), radius, unit, "DESC"]);
      }
    }
    await diff.check(steps);
  });

  it("COUNT, ANY and duplicates at one position", async () => {
    await diff.check([["GEOADD", "g", ...cityArgs, "13.361389", "38.115556", "PalermoTwin", "13.361389", "38.115556", "PalermoThird"]]);
    await diff.check([
      ["GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYRADIUS", "3000", "km", "COUNT", "4"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYRADIUS", "3000", "km", "COUNT", "4", "DESC"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYRADIUS", "3000", "km", "COUNT", "2", "ANY"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYRADIUS", "3000", "km", "COUNT", "2", "ANY", "ASC", "WITHDIST"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYRADIUS", "30000", "km", "COUNT", "100"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYRADIUS", "30000", "km", "ASC"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYRADIUS", "30000", "km", "DESC"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYRADIUS", "30000", "km"],
      ["GEORADIUS", "g", "13.361389", "38.115556", "1", "m", "WITHDIST", "WITHHASH"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYRADIUS", "3000", "km", "COUNT", "0"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYRADIUS", "3000", "km", "COUNT", "-1"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYRADIUS", "3000", "km", "COUNT", "x"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYRADIUS", "3000", "km", "ANY"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Palermo", "BYRADIUS", "3000", "km", "COUNT"],
    ]);
  });

  it("COUNT orders equal distances as Redis's partial quicksort does", async () => {
    const random = seededRandom(7);
    const args: string[] = [];
    // 120 members on 6 spots: many exact ties at every distance.
    for (let i = 0; i < 120; i++) args.push(String(10 + Math.floor(random() * 6) * 0.001), "10", `p${i}`);
    await diff.check([["GEOADD", "g", ...args]]);
    const steps: StepInput[] = [];
    for (const count of ["1", "3", "7", "8", "40", "41", "64", "119", "120", "500"]) {
      for (const order of ["ASC", "DESC"]) {
        steps.push(["GEOSEARCH", "g", "FROMLONLAT", "10.002", "10", "BYRADIUS", "5", "km", "COUNT", count, order]);
        steps.push(["GEORADIUS", "g", "10", "10", "5", "km", "COUNT", count, order, "WITHDIST"]);
      }
    }
    await diff.check(steps);
  });

  it("search syntax errors in Redis's order", async () => {
    await diff.check([["GEOADD", "g", ...cityArgs]]);
    await diff.check([
      ["GEOSEARCH", "g", "BYRADIUS", "10", "km", "FROMLONLAT", "0", "0"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "0", "FROMMEMBER", "Rome", "BYRADIUS", "1", "km"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Rome", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Rome", "BYRADIUS", "1", "km", "BYBOX", "1", "1", "km"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Rome", "BYBOX", "1", "1", "km", "BYRADIUS", "1", "km"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Rome", "BYRADIUS", "1", "km", "WITHDIST", "WITHHASH"],
      ["GEOSEARCH", "g", "FROMMEMBER", "Rome", "WITHDIST", "WITHHASH", "ASC"],
      ["GEOSEARCH", "g", "WITHDIST", "WITHHASH", "ASC", "BYRADIUS", "1", "km"],
      ["GEOSEARCH", "g", "FROMMEMBER", "nope", "BYRADIUS", "1", "km"],
      ["GEOSEARCH", "nokey", "FROMMEMBER", "nope", "BYRADIUS", "1", "km"],
      ["GEOSEARCH", "nokey", "FROMMEMBER", "nope", "ASC", "DESC"],
      ["GEOSEARCH", "nokey", "FROMLONLAT", "500", "0", "BYRADIUS", "1", "km"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "91", "BYRADIUS", "1", "km"],
      ["GEOSEARCH", "g", "FROMLONLAT", "x", "0", "BYRADIUS", "1", "km"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "0", "BYRADIUS", "x", "km"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "0", "BYRADIUS", "-1", "km"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "yd"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "0", "BYBOX", "x", "1", "km"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "0", "BYBOX", "1", "y", "km"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "0", "BYBOX", "-1", "1", "km"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "0", "BYBOX", "1", "1", "parsec"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "0", "BYBOX", "1", "1"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km", "STORE", "x"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km", "STOREDIST"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km", "ANY"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km", "BOGUS"],
      ["GEOSEARCH", "g", "FROMLONLAT", "0", "0"],
      ["GEOSEARCHSTORE", "d", "g", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km", "WITHDIST"],
      ["GEOSEARCHSTORE", "d", "g", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km", "STORE", "x"],
      ["GEOSEARCHSTORE", "d", "g", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km"],
      ["GEORADIUS", "g", "0", "0", "1", "km", "FROMLONLAT", "0", "0"],
      ["GEORADIUS", "g", "0", "0", "1", "km", "STORE", "d", "WITHDIST"],
      ["GEORADIUS", "g", "0", "0", "x", "km"],
      ["GEORADIUS", "g", "0", "0", "-5", "km"],
      ["GEORADIUS", "g", "0", "0", "5", "lightyear"],
      ["GEORADIUS", "g", "190", "0", "5", "km"],
      ["GEORADIUS", "g", "0", "0", "5", "km", "STORE"],
      ["GEORADIUS_RO", "g", "0", "0", "5", "km", "STORE", "d"],
      ["GEORADIUS_RO", "g", "0", "0", "5", "km", "STOREDIST", "d"],
      ["GEORADIUSBYMEMBER", "g", "nope", "5", "km"],
      ["GEORADIUSBYMEMBER", "g", "Rome", "x", "km"],
      ["GEORADIUSBYMEMBER", "nokey", "Rome", "x", "km", "WITHDIST"],
      ["GEORADIUSBYMEMBER", "nokey", "Rome", "5", "km", "STORE", "d", "WITHDIST"],
      ["GEORADIUSBYMEMBER_RO", "g", "Rome", "5", "km", "STORE", "d"],
      ["GEORADIUS", "g", "0", "0", "5"],
      ["GEOSEARCHSTORE", "d", "g", "FROMLONLAT", "0", "0", "BYRADIUS"],
    ]);
  });

  it("STORE, STOREDIST and GEOSEARCHSTORE write sorted sets like Redis", async () => {
    await diff.check([["GEOADD", "g", ...cityArgs], ["SET", "d", "old"], ["EXPIRE", "d", "100"]]);
    await diff.check([
      ["GEORADIUS", "g", "13", "38", "3000", "km", "STORE", "d"],
      ["TTL", "d"],
      ["ZRANGE", "d", "0", "-1", "WITHSCORES"],
      ["OBJECT", "ENCODING", "d"],
      ["GEORADIUS", "g", "13", "38", "3000", "km", "STOREDIST", "d", "COUNT", "2"],
      ["ZRANGE", "d", "0", "-1", "WITHSCORES"],
      ["GEORADIUSBYMEMBER", "g", "Tokyo", "10000", "mi", "STORE", "d", "STOREDIST", "d2", "DESC"],
      ["ZRANGE", "d2", "0", "-1", "WITHSCORES"],
      ["GEOSEARCHSTORE", "d3", "g", "FROMMEMBER", "Sydney", "BYBOX", "10000", "10000", "km", "STOREDIST"],
      ["ZRANGE", "d3", "0", "-1", "WITHSCORES"],
      ["GEOSEARCHSTORE", "d3", "g", "FROMMEMBER", "Sydney", "BYRADIUS", "5000", "km", "COUNT", "1", "ASC"],
      ["ZRANGE", "d3", "0", "-1", "WITHSCORES"],
      ["GEOSEARCHSTORE", "d3", "g", "FROMLONLAT", "0", "-40", "BYRADIUS", "1", "m"],
      ["EXISTS", "d3"],
      ["GEOSEARCHSTORE", "d", "nokey", "FROMLONLAT", "0", "-40", "BYRADIUS", "1", "m"],
      ["EXISTS", "d"],
      ["GEORADIUS", "nokey", "0", "0", "1", "m", "STORE", "d2"],
      ["EXISTS", "d2"],
      ["GEORADIUS", "nokey", "0", "0", "1", "m"],
      ["GEOSEARCHSTORE", "g", "g", "FROMMEMBER", "Rome", "BYRADIUS", "2000", "km"],
      ["ZRANGE", "g", "0", "-1"],
    ]);
  });

  it("notifications and RESP3 coordinates", async () => {
    const [redis, engine] = await collectNotifications(diff, [
      ["GEOADD", "g", "1", "1", "a", "2", "2", "b"],
      ["GEORADIUS", "g", "1", "1", "500", "km", "STORE", "d"],
      ["GEOSEARCHSTORE", "d2", "g", "FROMMEMBER", "a", "BYRADIUS", "500", "km"],
      ["GEOSEARCHSTORE", "d2", "g", "FROMMEMBER", "a", "BYRADIUS", "1", "m", "STOREDIST"],
      ["GEOSEARCHSTORE", "d2", "g", "FROMLONLAT", "50", "50", "BYRADIUS", "1", "m"],
    ]);
    expect(engine).toEqual(redis);
    const [redisClient, engineClient] = await diff.connectPair();
    for (const argv of [
      ["HELLO", "3"],
      ["GEOPOS", "g", "a", "b", "zz"],
      ["GEORADIUS", "g", "1", "1", "500", "km", "WITHCOORD", "WITHDIST", "WITHHASH"],
      ["GEODIST", "g", "a", "b"],
    ]) {
      const expected = await redisClient.call(...argv);
      const actual = await engineClient.call(...argv);
      if (argv[0] !== "HELLO") expect(actual.raw, argv.join(" ")).toBe(expected.raw);
    }
  });

  it("has Redis's command metadata", async () => {
    await checkCommandMetadata(diff, commands);
    await diff.check(commands.map((spec) => ["COMMAND", "DOCS", spec.name]));
    await diff.check([
      ["COMMAND", "GETKEYS", "GEORADIUS", "g", "0", "0", "1", "km", "STORE", "a", "STOREDIST", "b"],
      ["COMMAND", "GETKEYS", "GEORADIUS", "g", "0", "0", "1", "km", "storedist", "a", "STORE", "b", "store", "c"],
      ["COMMAND", "GETKEYS", "GEORADIUSBYMEMBER", "g", "m", "1", "km", "STORE", "a"],
      ["COMMAND", "GETKEYS", "GEORADIUSBYMEMBER", "g", "store", "1", "km", "STORE"],
      ["COMMAND", "GETKEYS", "GEORADIUS", "g", "0", "0", "1", "km"],
      ["COMMAND", "GETKEYS", "GEOSEARCHSTORE", "d", "s", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km"],
    ]);
  });

  it("searches a 3000-point index (listpack and skiplist encodings alike)", async () => {
    const random = seededRandom(21);
    const args: string[] = [];
    for (let i = 0; i < 3000; i++) {
      // Half spread over the globe, half packed around one city.
      const wide = i % 2 === 0;
      const lon = wide ? random() * 360 - 180 : 2.35 + (random() - 0.5) * 0.5;
      const lat = wide ? random() * 170.1 - 85.05 : 48.85 + (random() - 0.5) * 0.5;
      args.push(lon.toFixed(6), lat.toFixed(6), `p${i}`);
    }
    await diff.check([["GEOADD", "big", ...args], ["OBJECT", "ENCODING", "big"], ["ZCARD", "big"]]);
    const steps: StepInput[] = [];
    for (let i = 0; i < 120; i++) {
      const centerLon = (i % 3 === 0 ? 2.35 + (random() - 0.5) * 0.5 : random() * 360 - 180).toFixed(5);
      const centerLat = (i % 3 === 0 ? 48.85 + (random() - 0.5) * 0.5 : random() * 170 - 85).toFixed(5);
      const size = (i % 3 === 0 ? random() * 30 : random() * 3000).toFixed(3);
      const shape = i % 2 === 0 ? ["BYRADIUS", size, "km"] : ["BYBOX", size, (Number(size) * random() * 2).toFixed(3), "km"];
      const count = i % 4 === 0 ? ["COUNT", String(1 + Math.floor(random() * 20))] : [];
      const any = i % 8 === 0 ? ["ANY"] : [];
      const order = i % 5 === 0 ? [] : [i % 2 === 0 ? "ASC" : "DESC"];
      steps.push(["GEOSEARCH", "big", "FROMLONLAT", centerLon, centerLat, ...shape, ...count, ...any, ...order, "WITHDIST"]);
    }
    await diff.check(steps);
  });

  it("matches Redis on random sequences", async () => {
    for (const seed of [11, 12, 13]) {
      const random = seededRandom(seed);
      const members = Array.from({ length: 40 }, (_, i) => `m${i}`);
      const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
      const lon = () => (random() < 0.1 ? pick(["180", "-180", "0"]) : (random() * 360 - 180).toFixed(6));
      const lat = () => (random() < 0.1 ? pick(["85.05112878", "-85.05112878", "0"]) : (random() * 170 - 85).toFixed(6));
      // Clustered points make small radii and ties meaningful.
      const nearLon = () => (10 + random() * 2).toFixed(4);
      const nearLat = () => (45 + random() * 2).toFixed(4);
      const unit = () => pick(["m", "km", "mi", "ft"]);
      const steps: string[][] = [];
      for (let i = 0; i < 250; i++) {
        const roll = random();
        const clustered = random() < 0.5;
        if (roll < 0.3) {
          const args: string[] = [];
          const n = 1 + Math.floor(random() * 5);
          for (let j = 0; j < n; j++) args.push(clustered ? nearLon() : lon(), clustered ? nearLat() : lat(), pick(members));
          steps.push(["GEOADD", "g", ...(random() < 0.2 ? [pick(["NX", "XX", "CH"])] : []), ...args]);
        } else if (roll < 0.4) steps.push(["GEODIST", "g", pick(members), pick(members), unit()]);
        else if (roll < 0.5) steps.push(["GEOPOS", "g", pick(members), pick(members)]);
        else if (roll < 0.55) steps.push(["GEOHASH", "g", pick(members)]);
        else {
          const from = random() < 0.5 ? ["FROMMEMBER", pick(members)] : ["FROMLONLAT", clustered ? nearLon() : lon(), clustered ? nearLat() : lat()];
          const size = (clustered ? random() * 300 : random() * 20000).toFixed(2);
          const by = random() < 0.5 ? ["BYRADIUS", size, "km"] : ["BYBOX", size, (random() * 300).toFixed(1), "km"];
          const extra: string[] = [];
          if (random() < 0.5) extra.push(pick(["ASC", "DESC"]));
          if (random() < 0.3) extra.push("COUNT", String(1 + Math.floor(random() * 10)), ...(random() < 0.3 ? ["ANY"] : []));
          if (random() < 0.5) extra.push("WITHDIST");
          if (random() < 0.3) extra.push("WITHCOORD");
          if (random() < 0.3) extra.push("WITHHASH");
          steps.push(random() < 0.2 ? ["GEOSEARCHSTORE", "d", "g", ...from, ...by, ...(extra.filter((e) => !e.startsWith("WITH")))] : ["GEOSEARCH", "g", ...from, ...by, ...extra]);
        }
      }
      const redisReplies: string[] = [];
      const engineReplies: string[] = [];
      for (const step of steps) {
        const [expected, actual] = await diff.both(step);
        redisReplies.push(`${step.join(" ")} -> ${expected.raw}`);
        engineReplies.push(`${step.join(" ")} -> ${actual.raw}`);
      }
      expect(engineReplies, `seed ${seed}`).toEqual(redisReplies);
      await diff.check([["FLUSHALL"]]);
    }
  });
});
