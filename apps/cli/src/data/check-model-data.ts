import type { DatasetDescriptor } from '@lenet/data';
import { UsageError } from '../errors/usage-error.js';
import type { Terminal } from '../output/terminal.js';
import type { OpenedModel } from '../training/open-model.js';
import type { CommandData } from './load-command-data.js';

/**
 * Checks that a model can be used on a command's data set: it must have an output per class;
 * then {@link noteModelData}.
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
  noteModelData(opened, data.descriptor, terminal);
}

/**
 * Warns that an untrained model (a catalogue name) has random weights, or notes that a trained
 * one is used on another data set than its own (which only `--dataset` asks for).
 */
export function noteModelData(
  opened: OpenedModel,
  descriptor: DatasetDescriptor,
  terminal: Terminal,
): void {
  if (opened.untrained)
    terminal.error(
      `Warning: ${opened.origin} has random weights (a model name, not a trained run), so its answers mean nothing. Give the folder of a run made by lenet train.\n`,
    );
  else if ((opened.dataset?.name ?? 'mnist') !== descriptor.name)
    terminal.error(
      `Notice: the model was trained on ${opened.dataset?.title ?? 'MNIST'}; it is used on ${descriptor.title} as --dataset asks.\n`,
    );
}
