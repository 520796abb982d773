import * as tf from '@tensorflow/tfjs';

/** A tensor with the name tfjs optimisers save it under. */
interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

interface Moments {
  first: tf.Variable;
  second: tf.Variable;
}

/**
 * Adam (Kingma & Ba) whose state round-trips exactly: the bias corrections are computed in
 * double precision from the step count instead of being accumulated in float32 (as tfjs's
 * `AdamOptimizer` does, whose restore recomputes them with a different rounding), so a run
 * resumed from a checkpoint continues bit for bit. The learning rate can change between steps.
 * The LeNet engine's trainers make its update themselves, bit for bit (see `createTrainer`).
 *
 * @example
 * ```ts
 * const optimizer = new ResumableAdam(0.001);
 * await trainer.step(optimizer, batch);
 * const saved = await optimizer.getWeights(); // after trainer.flush()
 * ```
 */
export class ResumableAdam extends tf.Optimizer {
  /** The name tfjs's serialisation registry knows the class by. */
  static get className(): string {
    return 'ResumableAdam';
  }

  private moments: Moments[] = [];

  /**
   * @param learningRate - The step's scale.
   * @param beta1 - The first moment's decay. Default 0.9.
   * @param beta2 - The second moment's decay. Default 0.999.
   * @param epsilon - Added to the second moment's root. Default 1e-7.
   */
  constructor(
    private learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-7,
  ) {
    super();
  }

  /** Sets the rate used from the next step on. */
  setLearningRate(learningRate: number): void {
    this.learningRate = learningRate;
  }

  /**
   * The step size of update `step` (1 for the first), both bias corrections folded in, in double
   * precision: `learningRate * sqrt(1 - beta2^step) / (1 - beta1^step)`.
   */
  stepSize(step: number): number {
    return (this.learningRate * Math.sqrt(1 - this.beta2 ** step)) / (1 - this.beta1 ** step);
  }

  override applyGradients(gradients: tf.NamedTensorMap | NamedTensor[]): void {
    const entries = Array.isArray(gradients)
      ? gradients.map(({ name, tensor }) => [name, tensor] as const)
      : Object.entries(gradients);
    const stepSize = this.stepSize(this.iterations + 1);
    tf.tidy(() => {
      entries.forEach(([name, gradient], index) => {
        const variable = tf.engine().registeredVariables[name];
        if (variable === undefined) return;
        const moments = (this.moments[index] ??= {
          first: tf.zerosLike(variable).variable(false),
          second: tf.zerosLike(variable).variable(false),
        });
        const first = moments.first.mul(this.beta1).add(gradient.mul(1 - this.beta1));
        const second = moments.second.mul(this.beta2).add(gradient.square().mul(1 - this.beta2));
        moments.first.assign(first);
        moments.second.assign(second);
        variable.assign(variable.sub(first.mul(stepSize).div(second.sqrt().add(this.epsilon))));
      });
    });
    this.incrementIterations();
  }

  override dispose(): void {
    tf.dispose(this.moments.flatMap(({ first, second }) => [first, second]));
    this.moments = [];
  }

  override async getWeights(): Promise<NamedTensor[]> {
    const first = this.moments.map(({ first: tensor }, index) => ({ name: `m${index}`, tensor }));
    const second = this.moments.map(({ second: tensor }, index) => ({ name: `v${index}`, tensor }));
    return [await this.saveIterations(), ...first, ...second];
  }

  override async setWeights(weights: NamedTensor[]): Promise<void> {
    const values = await this.extractIterations(weights);
    const count = values.length / 2;
    this.dispose();
    this.moments = values.slice(0, count).map(({ tensor }, index) => ({
      first: tensor.variable(false),
      second: (values[count + index]?.tensor ?? tf.zerosLike(tensor)).variable(false),
    }));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      learningRate: this.learningRate,
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
    };
  }
}
