import * as tf from '@tensorflow/tfjs';
import { applyActivation, checkActivation } from '../activations/activation.js';
import type { LenetActivation } from '../activations/activation.js';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import type { Initializer } from '../initializers/fan-in-uniform.js';
import {
  resolveInitializer,
  serializeInitializer,
  type SerializedInitializer,
} from '../initializers/initializer-config.js';
import {
  checkInitialisationScheme,
  schemeInitializer,
  type InitialisationScheme,
} from '../initializers/initialisation-scheme.js';
import {
  checkPositiveInteger,
  checkSeed,
  imageShape,
  singleShape,
  singleTensor,
} from './layer-support.js';
import type { BaseLayerArgs, ConnectionCounting } from './layer-support.js';

/** Arguments of {@link TrainableSubsampling2D}. */
export interface TrainableSubsampling2DLayerArgs extends BaseLayerArgs {
  /** Side of the square, non-overlapping blocks that are summed. Default 2. */
  poolSize?: number;
  /** Applied after the coefficient and bias; the paper uses `scaledTanh`. Default `linear`. */
  activation?: LenetActivation;
  /**
   * How many output maps each input map feeds, each with its own coefficient and bias.
   * Default 1; LeNet-4's reconstruction uses 2 ("connected in pairs").
   */
  depthMultiplier?: number;
  /**
   * Initialiser of the coefficients, an instance or its serialised form (what `getConfig()`
   * writes). Default (also for `null`): the `initialisation` scheme's, seeded with `seed`.
   */
  coefficientInitializer?: Initializer | SerializedInitializer | null;
  /** Initialiser of the biases, as `coefficientInitializer`. Default: the scheme's, seeded with `seed + 1`. */
  biasInitializer?: Initializer | SerializedInitializer | null;
  /** Seed of the default initialisers (the biases use `seed + 1`), for reproducible runs. Default (also for `null`): unseeded. */
  seed?: number | null;
  /** The scheme of the default initialisers. Default `paper` (uniform in +-2.4 / poolSize^2). */
  initialisation?: InitialisationScheme;
}

/**
 * The paper's subsampling layer (S2, S4; LeNet-1's H2, H4): each output unit adds up a
 * `poolSize x poolSize` block of its input map, multiplies the sum by one trainable
 * coefficient and adds one trainable bias per map, then applies the activation.
 *
 * Input `[batch, height, width, channels]`; output `[batch, floor(height / poolSize),
 * floor(width / poolSize), channels * depthMultiplier]`. Trainable parameters: 2 per output
 * map. Registered for serialisation as `TrainableSubsampling2D`.
 *
 * @example
 * ```ts
 * const s2 = new TrainableSubsampling2D({ name: 'S2', activation: 'scaledTanh' });
 * ```
 * @throws {@link LayerArgumentError} for a bad pool size, depth multiplier or activation,
 *   or an input that is not `[batch, height, width, channels]` with room for one block.
 * @see LeCun et al. 1998, Section II.B (layer S2).
 */
export class TrainableSubsampling2D extends tf.layers.Layer implements ConnectionCounting {
  /** The name under which the class is registered for serialisation. */
  static className = 'TrainableSubsampling2D';
  /** Side of the summed blocks. */
  readonly poolSize: number;
  /** The activation applied last. */
  readonly activation: LenetActivation;
  /** Output maps per input map. */
  readonly depthMultiplier: number;
  /** The scheme of the default initialisers. */
  readonly initialisation: InitialisationScheme;
  /** The seed of the default initialisers, if any. */
  readonly seed: number | undefined;
  // The initialisers given as arguments, kept apart from the defaults so that getConfig()
  // writes back exactly what the constructor was given.
  private readonly givenCoefficientInitializer: Initializer | undefined;
  private readonly givenBiasInitializer: Initializer | undefined;
  private readonly coefficientInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private coefficient: tf.LayerVariable | undefined;
  private bias: tf.LayerVariable | undefined;

  constructor(args: TrainableSubsampling2DLayerArgs = {}) {
    super(args);
    this.poolSize = checkPositiveInteger('TrainableSubsampling2D', 'poolSize', args.poolSize ?? 2);
    this.depthMultiplier = checkPositiveInteger(
      'TrainableSubsampling2D',
      'depthMultiplier',
      args.depthMultiplier ?? 1,
    );
    this.activation = checkActivation('TrainableSubsampling2D', args.activation ?? 'linear');
    this.initialisation = checkInitialisationScheme(
      'TrainableSubsampling2D',
      'initialisation',
      args.initialisation ?? 'paper',
    );
    this.seed = checkSeed('TrainableSubsampling2D', args.seed);
    this.givenCoefficientInitializer = resolveInitializer(
      'TrainableSubsampling2D',
      'coefficientInitializer',
      args.coefficientInitializer,
    );
    this.givenBiasInitializer = resolveInitializer(
      'TrainableSubsampling2D',
      'biasInitializer',
      args.biasInitializer,
    );
    const fanIn = this.poolSize * this.poolSize;
    const biasSeed = this.seed === undefined ? undefined : this.seed + 1;
    this.coefficientInitializer =
      this.givenCoefficientInitializer ??
      schemeInitializer(this.initialisation, 'coefficient', fanIn, this.seed);
    this.biasInitializer =
      this.givenBiasInitializer ?? schemeInitializer(this.initialisation, 'bias', fanIn, biasSeed);
  }

  /** Creates one coefficient and one bias per output map. */
  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const { height, width, channels } = imageShape(
      'TrainableSubsampling2D',
      singleShape('TrainableSubsampling2D', inputShape),
    );
    if ((height !== null && height < this.poolSize) || (width !== null && width < this.poolSize)) {
      throw new LayerArgumentError(
        'TrainableSubsampling2D',
        'input shape',
        `maps of at least ${this.poolSize}x${this.poolSize}`,
        `${height}x${width}`,
      );
    }
    const maps = channels * this.depthMultiplier;
    this.coefficient = this.addWeight(
      'coefficient',
      [maps],
      'float32',
      this.coefficientInitializer,
    );
    this.bias = this.addWeight('bias', [maps], 'float32', this.biasInitializer);
    this.built = true;
  }

  /** Sums each block, scales, shifts and squashes, all maps at once. */
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const input = singleTensor('TrainableSubsampling2D', inputs) as tf.Tensor4D;
      const area = this.poolSize * this.poolSize;
      let sums: tf.Tensor4D = tf.mul(
        tf.avgPool(input, this.poolSize, this.poolSize, 'valid'),
        area,
      );
      if (this.depthMultiplier > 1) {
        const [batch, height, width, channels] = sums.shape;
        const repeated = tf.tile(tf.expandDims(sums, 4), [1, 1, 1, 1, this.depthMultiplier]);
        sums = tf.reshape(repeated, [batch, height, width, channels * this.depthMultiplier]);
      }
      const affine = tf.add(tf.mul(sums, this.coefficient!.read()), this.bias!.read());
      return applyActivation(this.activation, affine);
    });
  }

  /** `[batch, floor(height / poolSize), floor(width / poolSize), channels * depthMultiplier]`. */
  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = singleShape('TrainableSubsampling2D', inputShape);
    const { height, width, channels } = imageShape('TrainableSubsampling2D', shape);
    const shrink = (size: number | null): number | null =>
      size === null ? null : Math.floor(size / this.poolSize);
    return [shape[0] ?? null, shrink(height), shrink(width), channels * this.depthMultiplier];
  }

  /** Output units x (poolSize^2 inputs + 1 bias): S2 gives 6 x 14 x 14 x 5 = 5,880. */
  countConnections(inputShape: tf.Shape): number {
    const [, height, width, maps] = this.computeOutputShape(inputShape);
    return (height ?? 0) * (width ?? 0) * (maps ?? 0) * (this.poolSize * this.poolSize + 1);
  }

  /**
   * The constructor arguments, for serialisation: `new TrainableSubsampling2D(config)` builds
   * the same layer, with the same initial weights when seeded. Initialisers given as
   * arguments are written in serialised form; `null` means the scheme's default.
   */
  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      poolSize: this.poolSize,
      activation: this.activation,
      depthMultiplier: this.depthMultiplier,
      initialisation: this.initialisation,
      seed: this.seed ?? null,
      coefficientInitializer: serializeInitializer(this.givenCoefficientInitializer),
      biasInitializer: serializeInitializer(this.givenBiasInitializer),
    };
  }
}
tf.serialization.registerClass(TrainableSubsampling2D);
