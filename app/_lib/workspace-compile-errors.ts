/** Where a compile error of the grader (esbuild's "line L:C: message") points in the learner's code. */
export interface SourceLocation {
  line: number;
  column: number;
  message: string;
}

export function compileErrorLocations(message: string): SourceLocation[] {
  const locations: SourceLocation[] = [];
  for (const match of message.matchAll(/^line (\d+):(\d+): (.+)$/gm)) {
    locations.push({ line: Number(match[1]), column: Number(match[2]), message: match[3]! });
  }
  return locations;
}
