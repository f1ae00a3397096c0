// Jest reporter that writes each run's counts to SIGNET_TEST_RESULTS_DIR, so `npm test` can
// print one closing line for every runner it called. Does nothing when the variable is unset.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class CountReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.SIGNET_TEST_RESULTS_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const name = (this.globalConfig.rootDir || 'root').replace(/[^A-Za-z0-9]+/g, '_').slice(-60);
    const failedSuites = results.testResults.filter((r) => r.testExecError || r.failureMessage && r.numFailingTests === 0).length;
    writeFileSync(
      join(dir, `jest-${name}-${process.pid}.json`),
      JSON.stringify({
        runner: 'jest',
        name: this.globalConfig.rootDir,
        passed: results.numPassedTests,
        failed: results.numFailedTests + failedSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}

module.exports = CountReporter;
