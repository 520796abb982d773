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
import { checkConnectionTable, connectionLinks } from './connection-table.js';
import type { ConnectionLink, ConnectionTable } from './connection-table.js';
import {
  checkPositiveInteger,
  checkSeed,
  imageShape,
  singleShape,
  singleTensor,
} from './layer-support.js';
import type { BaseLayerArgs, ConnectionCounting } from './layer-support.js';

/** Arguments of {@link PartialConv2D}. */
export interface PartialConv2DLayerArgs extends BaseLayerArgs {
  /** Which input maps feed which output maps (rows: inputs, columns: outputs), e.g. {@link C3_TABLE}. */
  table: ConnectionTable;
  /** Side of the square kernel. Default 5. */
  kernelSize?: number;
  /** Applied after the bias. Default `linear` (the models add a separate activation layer). */
  activation?: LenetActivation;
  /**
   * Initialiser of the stored weights `[kernelSize, kernelSize, links]`, an instance or its
   * serialised form (what `getConfig()` writes). Default (also for `null`): the
   * `initialisation` scheme's with each output map's fan-in, seeded with `seed`.
   */
  kernelInitializer?: Initializer | SerializedInitializer | null;
  /** Initialiser of the per-map biases, as `kernelInitializer`. Default: the scheme's, seeded with `seed + 1`. */
  biasInitializer?: Initializer | SerializedInitializer | null;
  /** Seed of the default initialisers (the biases use `seed + 1`), for reproducible runs. Default (also for `null`): unseeded. */
  seed?: number | null;
  /** The scheme of the default initialisers. Default `paper` (uniform in +-2.4 / F_i). */
  initialisation?: InitialisationScheme;
}

/**
 * A valid, stride-1 convolution whose input-to-output map connections follow a table (C3 of
 * LeNet-5, H3 of LeNet-1). Only the connected kernels are stored, as `[kernelSize,
 * kernelSize, links]`, so the trainable parameter count is exact (C3: 60 x 25 + 16 =
 * 1,516) and gradients reach only connected weights. The stored kernels are scattered into a
 * full `[kernelSize, kernelSize, inputs, outputs]` kernel by one matmul with a constant 0/1
 * matrix, then a single conv2d runs.
 *
 * Input `[batch, height, width, inputs]`; output `[batch, height - kernelSize + 1,
 * width - kernelSize + 1, outputs]`. Registered for serialisation as `PartialConv2D`.
 *
 * @example
 * ```ts
 * const c3 = new PartialConv2D({ name: 'C3', table: C3_TABLE });
 * ```
 * @throws {@link LayerArgumentError} for a malformed table, a bad kernel size or activation,
 *   or an input whose channel count differs from the table's rows.
 * @see LeCun et al. 1998, Section II.B (layer C3) and Table I.
 */
export class PartialConv2D extends tf.layers.Layer implements ConnectionCounting {
  /** The name under which the class is registered for serialisation. */
  static className = 'PartialConv2D';
  /** The connection table. */
  readonly table: ConnectionTable;
  /** Side of the kernel. */
  readonly kernelSize: number;
  /** The activation applied last. */
  readonly activation: LenetActivation;
  /** The connected (input, output) pairs, in storage order. */
  readonly links: readonly ConnectionLink[];
  /** The scheme of the default initialisers. */
  readonly initialisation: InitialisationScheme;
  /** The seed of the default initialisers, if any. */
  readonly seed: number | undefined;
  // The initialisers given as arguments, kept apart from the defaults so that getConfig()
  // writes back exactly what the constructor was given.
  private readonly givenKernelInitializer: Initializer | undefined;
  private readonly givenBiasInitializer: Initializer | undefined;
  private readonly inputMaps: number;
  private readonly outputMaps: number;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private readonly scatter: Float32Array;
  private kernel: tf.LayerVariable | undefined;
  private bias: tf.LayerVariable | undefined;

  constructor(args: PartialConv2DLayerArgs) {
    super(args);
    const { inputs, outputs } = checkConnectionTable('PartialConv2D', args.table);
    this.table = args.table.map((row) => [...row]);
    this.inputMaps = inputs;
    this.outputMaps = outputs;
    this.kernelSize = checkPositiveInteger('PartialConv2D', 'kernelSize', args.kernelSize ?? 5);
    this.activation = checkActivation('PartialConv2D', args.activation ?? 'linear');
    this.links = connectionLinks(this.table);
    this.initialisation = checkInitialisationScheme(
      'PartialConv2D',
      'initialisation',
      args.initialisation ?? 'paper',
    );
    this.seed = checkSeed('PartialConv2D', args.seed);
    this.givenKernelInitializer = resolveInitializer(
      'PartialConv2D',
      'kernelInitializer',
      args.kernelInitializer,
    );
    this.givenBiasInitializer = resolveInitializer(
      'PartialConv2D',
      'biasInitializer',
      args.biasInitializer,
    );
    const area = this.kernelSize * this.kernelSize;
    const inputsPerOutput = Array.from(
      { length: outputs },
      (_, output) => this.links.filter((link) => link.output === output).length,
    );
    const biasSeed = this.seed === undefined ? undefined : this.seed + 1;
    const kernelFanIns = this.links.map((link) => area * inputsPerOutput[link.output]!);
    this.kernelInitializer =
      this.givenKernelInitializer ??
      schemeInitializer(this.initialisation, 'weight', kernelFanIns, this.seed);
    this.biasInitializer =
      this.givenBiasInitializer ??
      schemeInitializer(
        this.initialisation,
        'bias',
        inputsPerOutput.map((count) => area * count),
        biasSeed,
      );
    this.scatter = new Float32Array(this.links.length * inputs * outputs);
    this.links.forEach((link, index) => {
      this.scatter[index * inputs * outputs + link.input * outputs + link.output] = 1;
    });
  }

  /** Creates the stored kernels `[kernelSize, kernelSize, links]` and one bias per output map. */
  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const { height, width, channels } = imageShape(
      'PartialConv2D',
      singleShape('PartialConv2D', inputShape),
    );
    if (channels !== this.inputMaps) {
      throw new LayerArgumentError(
        'PartialConv2D',
        'input shape',
        `${this.inputMaps} input maps (the table's rows)`,
        `${channels} channels`,
      );
    }
    if (
      (height !== null && height < this.kernelSize) ||
      (width !== null && width < this.kernelSize)
    ) {
      throw new LayerArgumentError(
        'PartialConv2D',
        'input shape',
        `maps of at least ${this.kernelSize}x${this.kernelSize}`,
        `${height}x${width}`,
      );
    }
    this.kernel = this.addWeight(
      'kernel',
      [this.kernelSize, this.kernelSize, this.links.length],
      'float32',
      this.kernelInitializer,
    );
    this.bias = this.addWeight('bias', [this.outputMaps], 'float32', this.biasInitializer);
    this.built = true;
  }

  /** The full `[kernelSize, kernelSize, inputs, outputs]` kernel, zero where the table has no link. */
  fullKernel(): tf.Tensor4D {
    return tf.tidy(() => {
      const size = this.kernelSize;
      const stored = tf.reshape(this.kernel!.read(), [size * size, this.links.length]);
      const scatter = tf.tensor2d(this.scatter, [
        this.links.length,
        this.inputMaps * this.outputMaps,
      ]);
      return tf.reshape(tf.matMul(stored, scatter), [size, size, this.inputMaps, this.outputMaps]);
    });
  }

  /** One conv2d with the scattered kernel, plus bias, then the activation. */
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const input = singleTensor('PartialConv2D', inputs) as tf.Tensor4D;
      const convolved = tf.conv2d(input, this.fullKernel(), 1, 'valid');
      return applyActivation(this.activation, tf.add(convolved, this.bias!.read()));
    });
  }

  /** `[batch, height - kernelSize + 1, width - kernelSize + 1, outputs]`. */
  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = singleShape('PartialConv2D', inputShape);
    const { height, width } = imageShape('PartialConv2D', shape);
    const shrink = (size: number | null): number | null =>
      size === null ? null : size - this.kernelSize + 1;
    return [shape[0] ?? null, shrink(height), shrink(width), this.outputMaps];
  }

  /** Output positions x (links x kernelSize^2 + outputs): C3 gives 10 x 10 x 1,516 = 151,600. */
  countConnections(inputShape: tf.Shape): number {
    const [, height, width] = this.computeOutputShape(inputShape);
    return (
      (height ?? 0) *
      (width ?? 0) *
      (this.links.length * this.kernelSize * this.kernelSize + this.outputMaps)
    );
  }

  /**
   * The constructor arguments, for serialisation: `new PartialConv2D(config)` builds the same
   * layer, with the same initial weights when seeded. Initialisers given as arguments are
   * written in serialised form; `null` means the scheme's default.
   */
  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      table: this.table.map((row) => [...row]),
      kernelSize: this.kernelSize,
      activation: this.activation,
      initialisation: this.initialisation,
      seed: this.seed ?? null,
      kernelInitializer: serializeInitializer(this.givenKernelInitializer),
      biasInitializer: serializeInitializer(this.givenBiasInitializer),
    };
  }
}
tf.serialization.registerClass(PartialConv2D);
