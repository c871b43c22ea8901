import { guardMutation } from "@/app/_lib/labs-api";
import { consoleSchema } from "@/app/_lib/labs-schemas";
import { runConsoleCommand } from "@/labs/console";

/** One console line on the learner's own engine (commands can write, so this is a mutation). */
export async function POST(request: Request) {
  const guarded = await guardMutation(request, consoleSchema);
  if (guarded.response) return guarded.response;
  return Response.json(await runConsoleCommand(guarded.user.id, guarded.body.line));
}
