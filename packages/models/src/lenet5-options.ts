import { ModelOptionError } from './model-option-error.js';
import { INITIALISATION_SCHEMES, type InitialisationScheme } from '@lenet/core';
import type { ModelActivation } from './model-building-blocks.js';
import { DEFAULT_CLASSES, resolveClasses, type ModelClassOptions } from './class-count.js';

/**
 * The output layer: the paper's fixed RBF codes (the ten digits' 7x12 bitmaps, so 10 classes
 * only), or a dense layer of one logit per class for softmax (any class count).
 */
export type Lenet5Head = 'rbf' | 'softmax';
/** S2 and S4: the paper's trainable subsampling, or stock average or max pooling. */
export type Lenet5Pooling = 'trainable' | 'average' | 'max';
/** C3's connectivity: the paper's Table I, or all 6 S2 maps to every C3 map. */
export type Lenet5C3 = 'table' | 'full';
/** `paper` (scaled tanh, trainable subsampling, C3 table, RBF) or `modern` (ReLU, max-pool, full C3, softmax). */
export type Lenet5Preset = 'paper' | 'modern';

/** Options of {@link lenet5}. Explicit options override the preset's. */
export interface Lenet5Options extends ModelClassOptions {
  /** Default `paper`. */
  preset?: Lenet5Preset;
  /** Default from the preset: `rbf` (paper) or `softmax` (modern). */
  head?: Lenet5Head;
  /** Of C1, C3, C5 and F6 (and S2, S4 when trainable). Default `scaledTanh` (paper) or `relu` (modern). */
  activation?: ModelActivation;
  /** Default `trainable` (paper) or `max` (modern). */
  pooling?: Lenet5Pooling;
  /** Default `table` (paper) or `full` (modern). */
  c3?: Lenet5C3;
  /** Seed of the weight initialisation, for reproducible runs. Default: unseeded. */
  seed?: number;
  /**
   * How the parameters start: `paper` (uniform in +-2.4 / F_i, the paper's text) or `eblearn`
   * (uniform in +-1 / sqrt(F_i), biases 0, subsampling coefficients 0.5, as LeCun's lab code).
   * Default `paper` for both presets.
   */
  initialisation?: InitialisationScheme;
}

/** Every option of {@link Lenet5Options} resolved. */
export type ResolvedLenet5Options = Required<Omit<Lenet5Options, 'preset' | 'seed'>>;

type PresetOptions = Omit<ResolvedLenet5Options, 'initialisation' | 'classes'>;

const presets: Record<Lenet5Preset, PresetOptions> = {
  paper: { head: 'rbf', activation: 'scaledTanh', pooling: 'trainable', c3: 'table' },
  modern: { head: 'softmax', activation: 'relu', pooling: 'max', c3: 'full' },
};

function pick<T extends string>(option: string, value: unknown, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined)
    throw new ModelOptionError(
      'lenet5',
      option,
      `one of ${allowed.join(', ')}`,
      JSON.stringify(value),
    );
  return found;
}

/** The class count for `head`: any with softmax, the ten digits of the codes with the RBF head. */
function headClasses(head: Lenet5Head, classes: number | undefined): number {
  const resolved = resolveClasses('lenet5', classes);
  if (head === 'rbf' && resolved !== DEFAULT_CLASSES)
    throw new ModelOptionError(
      'lenet5',
      'classes',
      `${String(DEFAULT_CLASSES)} with head 'rbf'`,
      String(resolved),
      `The RBF head's codes are the ten 7x12 digit bitmaps (DIGIT_CODES): for ${String(resolved)} classes use head: 'softmax' (lenet5-softmax in the catalogue).`,
    );
  return resolved;
}

/**
 * Resolves {@link Lenet5Options} against their preset and checks every value.
 *
 * @throws {@link ModelOptionError} for an unknown preset, head, activation, pooling, C3 or
 *   initialisation value, a class count that is not an integer >= 2, or other than 10 with the
 *   RBF head.
 */
export function resolveLenet5Options(options: Lenet5Options = {}): ResolvedLenet5Options {
  const preset = presets[pick('preset', options.preset ?? 'paper', ['paper', 'modern'])];
  const head = pick('head', options.head ?? preset.head, ['rbf', 'softmax']);
  return {
    head,
    classes: headClasses(head, options.classes),
    activation: pick('activation', options.activation ?? preset.activation, [
      'scaledTanh',
      'tanh',
      'relu',
    ]),
    pooling: pick('pooling', options.pooling ?? preset.pooling, ['trainable', 'average', 'max']),
    c3: pick('c3', options.c3 ?? preset.c3, ['table', 'full']),
    initialisation: pick(
      'initialisation',
      options.initialisation ?? 'paper',
      INITIALISATION_SCHEMES,
    ),
  };
}
