import * as tf from '@tensorflow/tfjs';

/** How an Adam optimiser names a moment (`m`, `v`) of the trainable weight `name` at `index`. */
export type MomentName = (moment: 'm' | 'v', name: string, index: number) => string;

/** ResumableAdam's names: `m3`, `v3`. */
export const resumableAdamName: MomentName = (moment, _, index) => `${moment}${String(index)}`;
/** tfjs's AdamOptimizer's names: `C1/kernel/m`. */
export const tfjsAdamName: MomentName = (moment, name) => `${name}/${moment}`;

/**
 * An Adam state for `model` as `optimizer.setWeights` takes it (as a checkpoint restores it):
 * 3 iterations, zero moments but `value` at `index` of the first moment of the weight `poisoned`
 * (`C3/kernel`). The caller disposes the tensors.
 */
export function poisonedAdamState(
  model: tf.LayersModel,
  poisoned: string,
  index: number,
  value: number,
  name: MomentName,
): { name: string; tensor: tf.Tensor }[] {
  const moments = (['m', 'v'] as const).flatMap((moment) =>
    model.trainableWeights.map((weight, position) => {
      const values = new Float32Array(weight.shape.reduce<number>((a, b) => a * (b ?? 1), 1));
      if (moment === 'm' && weight.originalName === poisoned) values[index] = value;
      return {
        name: name(moment, weight.name, position),
        tensor: tf.tensor(values, weight.shape as number[]),
      };
    }),
  );
  return [{ name: 'iter', tensor: tf.scalar(3, 'int32') }, ...moments];
}
