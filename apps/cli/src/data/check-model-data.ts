import { UsageError } from '../errors/usage-error.js';
import type { Terminal } from '../output/terminal.js';
import type { OpenedModel } from '../training/open-model.js';
import type { CommandData } from './load-command-data.js';

/**
 * Checks that a model can be used on a command's data set: it must have an output per class.
 * A trained model used on another data set than its own (which only `--dataset` asks for)
 * gets a notice, an untrained model (a catalogue name) a warning.
 *
 * @throws UsageError when the data set has more classes than the model has outputs.
 */
export function checkModelFitsData(
  opened: OpenedModel,
  data: CommandData,
  terminal: Terminal,
): void {
  const outputs = opened.model.outputs[0]?.shape.at(-1);
  if (typeof outputs === 'number' && outputs < data.dataset.classes)
    throw new UsageError(
      `The model has ${outputs} outputs but ${data.descriptor.title} has ${data.dataset.classes} classes. Use a model trained on this data set (lenet train --dataset ${data.descriptor.name}).`,
    );
  if (opened.untrained) {
    terminal.error(
      `Warning: ${opened.origin} has random weights (a model name, not a trained run), so its answers mean nothing. Give the folder of a run made by lenet train.\n`,
    );
    return;
  }
  const trainedOn = opened.dataset?.title ?? 'MNIST';
  if ((opened.dataset?.name ?? 'mnist') !== data.descriptor.name)
    terminal.error(
      `Notice: the model was trained on ${trainedOn}; it is used on ${data.descriptor.title} as --dataset asks.\n`,
    );
}
