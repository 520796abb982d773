#!/usr/bin/env node
// The version check comes before anything that an older Node could not load.
import { nodeVersionProblem } from './node-version.js';

const problem = nodeVersionProblem(process.versions.node);
if (problem === undefined) {
  const [{ processTerminal }, { runCli }] = await Promise.all([
    import('./output/terminal.js'),
    import('./run-cli.js'),
  ]);
  process.exitCode = await runCli(process.argv, processTerminal());
} else {
  process.stderr.write(`error: ${problem}\n`);
  process.exitCode = 2;
}
