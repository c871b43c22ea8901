/**
 * The command table: every command the engine knows, by lower-case name. Each group file
 * (strings.ts, lists.ts, ...) defines its commands beside their handlers, as Redis's
 * t_string.c / t_list.c do; this file is the one place that lists the groups.
 */
import { commands as bitmapCommands } from "./bitmaps";
import { commands as connectionCommands } from "./connection";
import { commands as geoCommands } from "./geo";
import { commands as hashCommands } from "./hashes";
import { commands as hyperLogLogCommands } from "./hyperloglog";
import { commands as keyCommands } from "./keys";
import { commands as listCommands } from "./lists";
import { commands as memoryCommands } from "./memory";
import { commands as pubsubCommands } from "./pubsub";
import { commands as scriptingCommands } from "./scripting";
import { commands as serverCommands } from "./server";
import { commands as setCommands } from "./sets";
import { commands as sortedSetCommands } from "./sorted-sets";
import type { CommandSpec } from "./spec";
import { commands as streamCommands } from "./streams";
import { commands as stringCommands } from "./strings";
import { commands as transactionCommands } from "./transactions";

const groups: CommandSpec[][] = [
  connectionCommands,
  serverCommands,
  keyCommands,
  stringCommands,
  bitmapCommands,
  hashCommands,
  listCommands,
  setCommands,
  sortedSetCommands,
  geoCommands,
  hyperLogLogCommands,
  transactionCommands,
  pubsubCommands,
  scriptingCommands,
  memoryCommands,
  streamCommands,
];

function buildTable(): Map<string, CommandSpec> {
  const table = new Map<string, CommandSpec>();
  for (const group of groups) {
    for (const spec of group) {
      if (table.has(spec.name)) throw new Error(`command ${spec.name} is defined twice`);
      table.set(spec.name, spec);
    }
  }
  return table;
}

export const commandTable: Map<string, CommandSpec> = buildTable();
