// An independent LeNet forward pass in plain loops over nested arrays, to check the tfjs
// models against. Images are [height][width][channels].
import type * as tf from '@tensorflow/tfjs';

export type Image = number[][][];
type Kernel = number[][][][];

const squash = (value: number): number => 1.7159 * Math.tanh((2 / 3) * value);

export function mapImage(image: Image, activation: (value: number) => number): Image {
  return image.map((row) => row.map((pixel) => pixel.map(activation)));
}

export function activationFunction(name: string): (value: number) => number {
  if (name === 'scaledTanh') return squash;
  if (name === 'relu') return (value) => Math.max(0, value);
  if (name === 'tanh') return Math.tanh;
  return (value) => value;
}

export function convolve(image: Image, kernel: Kernel, bias: number[]): Image {
  const size = kernel.length;
  const height = image.length - size + 1;
  const width = (image[0]?.length ?? 0) - size + 1;
  const out: Image = [];
  for (let y = 0; y < height; y += 1) {
    const row: number[][] = [];
    for (let x = 0; x < width; x += 1) {
      row.push(
        bias.map((value, output) => {
          let total = value;
          for (let dy = 0; dy < size; dy += 1)
            for (let dx = 0; dx < size; dx += 1)
              image[y + dy]![x + dx]!.forEach((pixel, input) => {
                total += pixel * kernel[dy]![dx]![input]![output]!;
              });
          return total;
        }),
      );
    }
    out.push(row);
  }
  return out;
}

/** Expands PartialConv2D's stored [k, k, links] weights to a full kernel by walking the table. */
export function expandPartialKernel(
  stored: number[][][],
  table: readonly (readonly number[])[],
): Kernel {
  const outputs = table[0]!.length;
  return stored.map((row) =>
    row.map((links) => {
      const full = table.map(() => new Array<number>(outputs).fill(0));
      let link = 0;
      for (let output = 0; output < outputs; output += 1)
        table.forEach((tableRow, input) => {
          if (tableRow[output] === 1) {
            full[input]![output] = links[link]!;
            link += 1;
          }
        });
      return full;
    }),
  );
}

export function pool(
  image: Image,
  combine: (block: number[]) => number,
  depthMultiplier = 1,
): Image {
  const out: Image = [];
  for (let y = 0; y + 1 < image.length; y += 2) {
    const row: number[][] = [];
    for (let x = 0; x + 1 < image[0]!.length; x += 2) {
      const channels = image[y]![x]!.length;
      const maps: number[] = [];
      for (let channel = 0; channel < channels; channel += 1) {
        const block = [
          image[y]![x]![channel]!,
          image[y]![x + 1]![channel]!,
          image[y + 1]![x]![channel]!,
          image[y + 1]![x + 1]![channel]!,
        ];
        for (let copy = 0; copy < depthMultiplier; copy += 1) maps.push(combine(block));
      }
      row.push(maps);
    }
    out.push(row);
  }
  return out;
}

export function subsample(
  image: Image,
  coefficient: number[],
  bias: number[],
  activation: (value: number) => number,
  depthMultiplier = 1,
): Image {
  const sums = pool(
    image,
    (block) => block.reduce((total, value) => total + value, 0),
    depthMultiplier,
  );
  return sums.map((row) =>
    row.map((maps) => maps.map((sum, map) => activation(sum * coefficient[map]! + bias[map]!))),
  );
}

export function dense(vector: number[], kernel: number[][], bias: number[]): number[] {
  return bias.map((value, unit) =>
    vector.reduce((total, input, index) => total + input * kernel[index]![unit]!, value),
  );
}

export function rbf(vector: number[], codes: number[][]): number[] {
  return codes[0]!.map((_, unit) =>
    vector.reduce((total, input, index) => total + (input - codes[index]![unit]!) ** 2, 0),
  );
}

export function flatten(image: Image): number[] {
  return image.flat(2);
}

/** The weights of a layer of a model as nested arrays. */
export function weightsOf(model: tf.LayersModel, name: string): unknown[] {
  return model
    .getLayer(name)
    .getWeights()
    .map((weight) => weight.arraySync());
}

/** Deterministic pseudo-random weights in [-scale, scale] for every weight of the model. */
export function setDeterministicWeights(
  model: tf.LayersModel,
  tensor: (values: Float32Array, shape: number[]) => tf.Tensor,
  scale = 0.3,
): void {
  let state = 12345;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return (state / 2147483648) * 2 - 1;
  };
  for (const layer of model.layers) {
    if (layer.trainableWeights.length === 0) continue;
    const weights = layer.getWeights();
    const trainable = weights.slice(0, layer.trainableWeights.length).map((weight) =>
      tensor(
        Float32Array.from({ length: weight.size }, () => scale * next()),
        weight.shape,
      ),
    );
    layer.setWeights([...trainable, ...weights.slice(layer.trainableWeights.length)]);
    trainable.forEach((weight) => {
      weight.dispose();
    });
  }
}
