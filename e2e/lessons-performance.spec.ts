import { expect, test } from "@playwright/test";

/**
 * Lesson page numbers on this machine, printed (not asserted: the machine is shared and noisy).
 * Server response time: time to the full HTML of a signed-out request, median of 10 after a warm-up.
 * Largest Contentful Paint: from PerformanceObserver in Chromium, median of 3 cold page loads.
 */
const LESSONS = ["/learn/foundations/why-redis", "/learn/cluster/slots-and-hash-tags", "/learn/interview-playbook/redis-vs-alternatives"];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

test("lesson page server response time and LCP", async ({ request, browser }) => {
  for (const path of LESSONS) {
    await request.get(path); // warm-up: first render builds the lesson's element tree
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      const response = await request.get(path);
      await response.body();
      times.push(performance.now() - start);
      expect(response.status()).toBe(200);
    }
    const lcps: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      const fresh = await context.newPage();
      await fresh.goto(path, { waitUntil: "load" });
      const lcp = await fresh.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              resolve(entries[entries.length - 1]!.startTime);
            }).observe({ type: "largest-contentful-paint", buffered: true });
          }),
      );
      const ttfb = await fresh.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseStart);
      lcps.push(lcp);
      console.log(`  ${path} load ${i + 1}: TTFB ${ttfb.toFixed(0)} ms, LCP ${lcp.toFixed(0)} ms`);
      await context.close();
    }
    console.log(`${path}: server response median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}); LCP median ${median(lcps).toFixed(0)} ms`);
  }
});
