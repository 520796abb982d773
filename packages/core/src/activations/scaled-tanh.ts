import * as tf from '@tensorflow/tfjs';
import { checkFiniteNumber, singleShape, singleTensor } from '../layers/layer-support.js';
import type { BaseLayerArgs, ConnectionCounting } from '../layers/layer-support.js';
import { SCALED_TANH_AMPLITUDE, SCALED_TANH_SLOPE, scaledTanh } from './scaled-tanh-function.js';

/** Arguments of {@link ScaledTanh}. */
export interface ScaledTanhLayerArgs extends BaseLayerArgs {
  /** A in `A * tanh(S * a)`. Default 1.7159. */
  amplitude?: number;
  /** S in `A * tanh(S * a)`. Default 2/3. */
  slope?: number;
}

/**
 * The paper's squashing function as a layer: `A * tanh(S * a)` elementwise, A = 1.7159 and
 * S = 2/3 by default, so that f(1) = 1 and f(-1) = -1. Any input shape; the output has the
 * input's shape. No weights, no connections. Registered for serialisation as `ScaledTanh`.
 *
 * @example
 * ```ts
 * const activation = new ScaledTanh({ name: 'C1_activation' });
 * ```
 * @throws {@link LayerArgumentError} for a non-finite amplitude or slope.
 * @see LeCun et al. 1998, Appendix A.
 */
export class ScaledTanh extends tf.layers.Layer implements ConnectionCounting {
  /** The name under which the class is registered for serialisation. */
  static className = 'ScaledTanh';
  /** A. */
  readonly amplitude: number;
  /** S. */
  readonly slope: number;

  constructor(args: ScaledTanhLayerArgs = {}) {
    super(args);
    this.amplitude = checkFiniteNumber(
      'ScaledTanh',
      'amplitude',
      args.amplitude ?? SCALED_TANH_AMPLITUDE,
    );
    this.slope = checkFiniteNumber('ScaledTanh', 'slope', args.slope ?? SCALED_TANH_SLOPE);
    this.supportsMasking = true;
  }

  /** Applies `A * tanh(S * x)` to the single input. */
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() =>
      scaledTanh(singleTensor('ScaledTanh', inputs), this.amplitude, this.slope),
    );
  }

  /** The input shape, unchanged. */
  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return singleShape('ScaledTanh', inputShape);
  }

  /** Always 0: the paper counts the squashing inside the unit, not as connections. */
  countConnections(): number {
    return 0;
  }

  /** The constructor arguments, for serialisation. */
  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), amplitude: this.amplitude, slope: this.slope };
  }
}
tf.serialization.registerClass(ScaledTanh);
