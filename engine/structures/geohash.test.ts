import { describe, expect, it } from "vitest";
import {
  GEO_STEP_MAX,
  WGS84_LAT_RANGE,
  WGS84_LONG_RANGE,
  cellOfBits,
  decodeScore,
  distance,
  distanceIfWithin,
  encode,
  encodeScore,
  interleave,
  scoreInterval,
  searchCells,
  standardGeohash,
} from "./geohash";

describe("geohash", () => {
  it("interleaves latitude bits at even positions and longitude bits at odd ones", () => {
    expect(interleave(1, 0)).toBe(1);
    expect(interleave(0, 1)).toBe(2);
    expect(interleave(0b11, 0b01)).toBe(0b0111);
    expect(interleave(2 ** 26, 0)).toBe(2 ** 52);
    expect(interleave(0xffffffff, 0xffffffff)).toBe(2 ** 64 - 1);
  });

  it("splits a score back into its cell indexes", () => {
    const cell = encode(WGS84_LONG_RANGE, WGS84_LAT_RANGE, 13.361389, 38.115556, GEO_STEP_MAX)!;
    expect(cellOfBits(encodeScore(13.361389, 38.115556), GEO_STEP_MAX)).toEqual(cell);
  });

  it("stores the scores Redis stores (values taken from redis-server 7.0)", () => {
    expect(encodeScore(13.361389, 38.115556)).toBe(3479099956230698);
    expect(encodeScore(15.087269, 37.502669)).toBe(3479447370796909);
    // On the upper edges the offsets reach 2^26, past 52 bits, as in Redis.
    expect(encodeScore(180, 85.05112878)).toBe(13510798882111488);
  });

  it("decodes to the cell center, clamped to the WGS84 limits", () => {
    const [longitude, latitude] = decodeScore(3479099956230698);
    expect(longitude.toFixed(17)).toBe("13.36138933897018433");
    expect(latitude.toFixed(17)).toBe("38.11555639549629859");
    expect(decodeScore(13510798882111488)).toEqual([180, 85.05112877999999910]);
  });

  it("casts foreign scores like x86-64's double to uint64", () => {
    expect(cellOfBits(-1, 26)).toEqual({ lat: 0xffffffff, lon: 0xffffffff, step: 26 });
    expect(cellOfBits(Infinity, 26)).toEqual({ lat: 0, lon: 0, step: 26 });
    // Below the int64 range the cast gives 2^63: only the top longitude bit.
    expect(cellOfBits(-Infinity, 26)).toEqual({ lat: 0, lon: 0x80000000, step: 26 });
  });

  it("formats GEOHASH's 11 characters", () => {
    expect(standardGeohash(3479099956230698)).toBe("sqc8b49rny0");
    expect(standardGeohash(13510798882111488)).toBe("bp05b5048p0");
  });

  it("computes haversine distances with Redis's earth radius", () => {
    // GEODIST Palermo Catania on redis-server (from the decoded positions).
    const [lon1, lat1] = decodeScore(3479099956230698);
    const [lon2, lat2] = decodeScore(3479447370796909);
    expect(distance(lon1, lat1, lon2, lat2).toFixed(4)).toBe("166274.1516");
    expect(distance(0, 0, 0, 1)).toBeCloseTo(111226.29, 1);
    expect(distance(10, 20, 10, 20)).toBe(0);
  });

  it("tests membership in circles and boxes", () => {
    const circle = { kind: "radius", longitude: 0, latitude: 0, conversion: 1000, radius: 100 } as const;
    expect(distanceIfWithin(circle, 0, 0.5)).toBeCloseTo(55613.1, 0);
    expect(distanceIfWithin(circle, 0, 1)).toBeUndefined();
    const box = { kind: "box", longitude: 0, latitude: 0, conversion: 1000, width: 300, height: 100 } as const;
    expect(distanceIfWithin(box, 1, 0)).toBeDefined();
    expect(distanceIfWithin(box, 0, 1)).toBeUndefined();
  });

  it("covers a search with the center cell and its neighbours, dropping useless ones", () => {
    const cells = searchCells({ kind: "radius", longitude: 13.361389, latitude: 38.115556, conversion: 1000, radius: 200 });
    expect(cells).toHaveLength(9);
    const center = cells[0]!;
    expect(center.step).toBeLessThan(GEO_STEP_MAX);
    const [min, max] = scoreInterval(center);
    const score = encodeScore(13.361389, 38.115556);
    expect(score >= min && score < max).toBe(true);
    // A zero radius stays at full precision with every neighbour outside the box dropped.
    const tiny = searchCells({ kind: "radius", longitude: 1, latitude: 1, conversion: 1, radius: 0 });
    expect(tiny[0]!.step).toBe(GEO_STEP_MAX);
  });
});
