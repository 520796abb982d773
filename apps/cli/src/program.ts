import { Command } from 'commander';
import { registerCurvatureCommand } from './commands/curvature-command.js';
import { registerDataCommand } from './commands/data-command.js';
import { registerEvalCommand } from './commands/eval-command.js';
import { registerPredictCommand } from './commands/predict-command.js';
import { registerReproduceCommand } from './commands/reproduce-command.js';
import { registerSummaryCommand } from './commands/summary-command.js';
import { registerTrainCommand } from './commands/train-command.js';
import { registerVizCommand } from './commands/viz-command.js';
import type { Terminal } from './output/terminal.js';

/** Builds the `lenet` program with every command, writing through `terminal`. */
export function createProgram(terminal: Terminal): Command {
  const program = new Command('lenet')
    .description(
      "LeCun's LeNet-1 and LeNet-5 on MNIST, Fashion-MNIST, KMNIST or any IDX data set: train, evaluate, predict and inspect.",
    )
    .showHelpAfterError('(run with --help for usage and examples)')
    .configureOutput({
      writeOut: (text) => {
        terminal.out(text);
      },
      writeErr: (text) => {
        terminal.error(text);
      },
    })
    .exitOverride();
  registerTrainCommand(program, terminal);
  registerReproduceCommand(program, terminal);
  registerEvalCommand(program, terminal);
  registerPredictCommand(program, terminal);
  registerSummaryCommand(program, terminal);
  registerCurvatureCommand(program, terminal);
  registerVizCommand(program, terminal);
  registerDataCommand(program, terminal);
  return program;
}
