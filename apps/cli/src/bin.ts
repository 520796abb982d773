#!/usr/bin/env node
import { processTerminal } from './output/terminal.js';
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv, processTerminal());
