import * as tf from '@tensorflow/tfjs';
import { DIGIT_CODES } from '../codes/digit-codes.js';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import { singleShape, singleTensor } from './layer-support.js';
import type { BaseLayerArgs, ConnectionCounting } from './layer-support.js';

/** Arguments of {@link RbfOutput}. */
export interface RbfOutputLayerArgs extends BaseLayerArgs {
  /** One code vector per output unit, all of the input's length. Default: {@link DIGIT_CODES} (10 x 84). */
  codes?: readonly (readonly number[])[];
  /** Whether training may move the codes. Default false: the paper keeps them fixed. */
  trainableCodes?: boolean;
}

function checkCodes(codes: unknown): number[][] {
  const rows = Array.isArray(codes) ? (codes as unknown[]) : [];
  const first: unknown = rows[0];
  const length = Array.isArray(first) ? first.length : 0;
  const valid =
    length > 0 &&
    rows.every(
      (row) =>
        Array.isArray(row) &&
        row.length === length &&
        row.every((value) => typeof value === 'number' && Number.isFinite(value)),
    );
  if (!valid) {
    throw new LayerArgumentError(
      'RbfOutput',
      'codes',
      'a non-empty array of equal-length arrays of finite numbers',
      JSON.stringify(codes),
    );
  }
  return (rows as number[][]).map((row) => [...row]);
}

/**
 * The paper's Euclidean RBF output layer: unit i outputs `y_i = sum_j (x_j - w_ij)^2`, the
 * squared distance between the input and code i. Small is good: the predicted class is the
 * unit with the smallest output. Computed as `|x|^2 - 2 x.w + |w|^2` with one matmul.
 *
 * Input `[batch, inputs]` (84 for LeNet-5's F6); output `[batch, codes]`. The codes are
 * stored as a `[inputs, codes]` weight, fixed by default: LeNet-5 reports 840 fixed and 0
 * trainable parameters here. Registered for serialisation as `RbfOutput`.
 *
 * @example
 * ```ts
 * const output = new RbfOutput({ name: 'OUTPUT' }); // the 7x12 digit bitmaps
 * ```
 * @throws {@link LayerArgumentError} for malformed codes or an input whose length differs
 *   from the codes'.
 * @see LeCun et al. 1998, Section II.B (output layer, Eq. 7) and Fig. 3.
 */
export class RbfOutput extends tf.layers.Layer implements ConnectionCounting {
  /** The name under which the class is registered for serialisation. */
  static className = 'RbfOutput';
  /** The initial codes, one per output unit. */
  readonly codes: readonly (readonly number[])[];
  /** Whether the codes are trainable. */
  readonly trainableCodes: boolean;
  private codesWeight: tf.LayerVariable | undefined;

  constructor(args: RbfOutputLayerArgs = {}) {
    super(args);
    this.codes = checkCodes(args.codes ?? DIGIT_CODES);
    this.trainableCodes = args.trainableCodes ?? false;
  }

  /** The number of output units, one per code. */
  get units(): number {
    return this.codes.length;
  }

  /** Stores the codes as a `[inputs, codes]` weight. */
  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = singleShape('RbfOutput', inputShape);
    const length = this.codes[0]?.length ?? 0;
    if (shape.length !== 2 || shape[1] !== length) {
      throw new LayerArgumentError(
        'RbfOutput',
        'input shape',
        `[batch, ${length}] (the codes' length)`,
        JSON.stringify(shape),
        'Flatten the input or pass codes of its length.',
      );
    }
    const values = new Float32Array(length * this.units);
    this.codes.forEach((code, unit) => {
      code.forEach((value, index) => {
        values[index * this.units + unit] = value;
      });
    });
    const initializer = tf.initializers.zeros();
    this.codesWeight = this.addWeight(
      'codes',
      [length, this.units],
      'float32',
      initializer,
      undefined,
      this.trainableCodes,
    );
    tf.tidy(() => {
      this.codesWeight!.write(tf.tensor2d(values, [length, this.units]));
    });
    this.built = true;
  }

  /** Squared Euclidean distances from each input row to each code. */
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const input = singleTensor('RbfOutput', inputs) as tf.Tensor2D;
      const codes = this.codesWeight!.read() as tf.Tensor2D;
      const inputNorms = tf.sum(tf.square(input), 1, true);
      const codeNorms = tf.sum(tf.square(codes), 0);
      return tf.add(tf.sub(inputNorms, tf.mul(tf.matMul(input, codes), 2)), codeNorms);
    });
  }

  /** `[batch, codes]`. */
  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return [singleShape('RbfOutput', inputShape)[0] ?? null, this.units];
  }

  /** Codes x inputs (no bias): LeNet-5 gives 10 x 84 = 840. */
  countConnections(inputShape: tf.Shape): number {
    return this.units * (inputShape[inputShape.length - 1] ?? 0);
  }

  /** The constructor arguments, for serialisation. */
  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      codes: this.codes.map((code) => [...code]),
      trainableCodes: this.trainableCodes,
    };
  }
}
tf.serialization.registerClass(RbfOutput);
