import * as tf from '@tensorflow/tfjs';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import { FanInUniform } from './fan-in-uniform.js';
import type { Initializer } from './fan-in-uniform.js';

/**
 * How a LeNet's trainable parameters start.
 * - `paper`: the paper's text read literally, every weight and bias uniform in
 *   +-2.4 / F_i (F_i the unit's fan-in), subsampling coefficients too.
 * - `eblearn`: what LeCun's lab code (EBLearn) does: weights uniform in +-1 / sqrt(F_i),
 *   biases 0, subsampling coefficients 0.5. On LeNet-5 the literal reading shrinks the signal
 *   layer by layer (F6's outputs have an RMS of about 0.014), so the Gauss-Newton curvature
 *   h_kk of almost every weight is near 0 and SDLM's steps are eta / mu; this one keeps the
 *   signal at RMS 0.2-0.5 in every layer and gives first-pass SDLM rates of 1.3e-4 to 0.015,
 *   the range the paper reports (docs/RESULTS.md has the measurements).
 */
export type InitialisationScheme = 'paper' | 'eblearn';

/** Every {@link InitialisationScheme}, the default first. */
export const INITIALISATION_SCHEMES: readonly InitialisationScheme[] = ['paper', 'eblearn'];

/** The three kinds of trainable parameter a LeNet layer has. */
export type ParameterRole = 'weight' | 'bias' | 'coefficient';

/**
 * The initialiser of one kind of parameter of units with fan-in `fanIn` under `scheme`.
 *
 * @param scheme - See {@link InitialisationScheme}.
 * @param role - Connection weights, biases, or subsampling coefficients.
 * @param fanIn - The units' fan-in (one per entry of the weight's last axis when an array).
 * @param seed - Seed of the random draw, for reproducible weights.
 * @throws {@link LayerArgumentError} for an unknown scheme.
 * @example
 * ```ts
 * tf.layers.dense({ units: 84, kernelInitializer: schemeInitializer('eblearn', 'weight', 120, 7) });
 * ```
 * @see LeCun et al. 1998, Appendix A.
 */
export function schemeInitializer(
  scheme: InitialisationScheme,
  role: ParameterRole,
  fanIn: number | readonly number[],
  seed?: number,
): Initializer {
  checkInitialisationScheme('schemeInitializer', 'scheme', scheme);
  if (scheme === 'paper') return new FanInUniform({ fanIn, seed });
  if (role === 'weight') return new FanInUniform({ fanIn, seed, scale: 1, exponent: 0.5 });
  return role === 'bias' ? tf.initializers.zeros() : tf.initializers.constant({ value: 0.5 });
}

/**
 * Checks that `value` is one of the {@link INITIALISATION_SCHEMES}.
 *
 * @param owner - The class or function whose argument it is, for the message.
 * @param argument - The argument's name, for the message.
 * @throws {@link LayerArgumentError} otherwise.
 */
export function checkInitialisationScheme(
  owner: string,
  argument: string,
  value: unknown,
): InitialisationScheme {
  if (!INITIALISATION_SCHEMES.includes(value as InitialisationScheme)) {
    throw new LayerArgumentError(
      owner,
      argument,
      `one of ${INITIALISATION_SCHEMES.join(', ')}`,
      JSON.stringify(value),
    );
  }
  return value as InitialisationScheme;
}
