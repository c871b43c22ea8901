/** Every lab, in course order. Each lab's tests (hidden ones included) stay in the trusted parent. */
import type { LabDefinition } from "./grader/types";
import { lab as rateLimiterFixedWindow } from "./rate-limiter-fixed-window/tests";

export const labs: LabDefinition[] = [rateLimiterFixedWindow];
