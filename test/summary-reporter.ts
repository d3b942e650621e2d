import type { Reporter, TestModule } from 'vitest/node';

/**
 * Adds one plain closing line, "Tests: N passed, N failed, N skipped", after
 * vitest's own summary, so a reader (or CI) can take the counts at a glance.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) count[test.result().state] += 1;
    }
    const failedModules = testModules.filter((module) => module.state() === 'failed' && !module.ok()).length;
    const failed = count.failed + (count.failed === 0 ? failedModules : 0);
    console.log(`\nTests: ${count.passed} passed, ${failed} failed, ${count.skipped + count.pending} skipped`);
  }
}
