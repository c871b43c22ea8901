import { workspaceTypeLibrary } from "@/app/_lib/workspace-types";

/** ioredis's type definitions (and shims) for the workspace editor; the same for everyone, so cacheable. */
export function GET() {
  return Response.json(workspaceTypeLibrary(), { headers: { "Cache-Control": "public, max-age=86400" } });
}
