// Sums the vitest JSON reports of every workspace package into one plain line,
// `N passed, N failed`, the line CI reads. Usage: node scripts/count-tests.mjs
/* global console, process, URL */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reportFiles = ['packages', 'apps']
  .flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).map((name) => join(root, group, name))
      : [],
  )
  .concat([join(root, 'tests')])
  .map((dir) => join(dir, 'reports', 'vitest.json'))
  .filter((file) => existsSync(file));

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reportFiles) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  // A test file that failed to load counts as a failure even though it ran no test.
  const brokenSuites = report.testResults.filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
  ).length;
  failed += report.numFailedTests + brokenSuites;
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(
    `${file.slice(root.length)}: ${report.numPassedTests} passed, ${report.numFailedTests + brokenSuites} failed`,
  );
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
