import type { TrainSettings } from '../training/train-settings.js';

/** The settings an experiment fixes: everything but the seed and the data. */
export type ExperimentRecipe = Omit<TrainSettings, 'seed' | 'trainLimit' | 'trainImagesSha256'>;

/** One of the paper's experiments, as `lenet reproduce` runs it. */
export interface Experiment {
  /** The name on the command line. */
  readonly name: string;
  /** One line for `--list` and the results table. */
  readonly title: string;
  /** The paper's test error on the 10,000 MNIST test digits, percent; undefined when the paper gives none. */
  readonly paperTestError?: number;
  /** Where the paper's figure comes from. */
  readonly paperSource: string;
  readonly recipe: ExperimentRecipe;
  /** How this recipe differs from the paper's, in a sentence or two (empty when it does not). */
  readonly deviations: string;
}

const sdlmMiniBatch = {
  model: 'lenet5',
  epochs: 20,
  batchSize: 32,
  optimizer: 'sdlm',
  learningRate: 0.0005 / 8,
  schedule: 'constant',
  loss: 'mle',
  sdlmMu: 0.2,
} as const;

const miniBatchDeviation =
  'SDLM in mini-batches of 32 (summed gradients, so a step is the sum of 32 per-pattern steps to first order) instead of one update per pattern, with mu 0.2 instead of 0.02 and eta 1/8 of the paper\'s schedule: the paper\'s mu and eta diverge within a few updates from the paper\'s initialisation (see the SDLM notes below).';

/** The experiments `lenet reproduce` knows, in the order they are run and reported. */
export const EXPERIMENTS: readonly Experiment[] = [
  {
    name: 'lenet1',
    title: 'LeNet-1, digits down-sampled to 16x16 in the 28x28 field',
    paperTestError: 1.7,
    paperSource: 'LeCun et al. 1998, Fig. 9 ("[16x16] LeNet-1")',
    recipe: { model: 'lenet1', epochs: 20, batchSize: 32, optimizer: 'adam', learningRate: 0.002, schedule: 'cosine', loss: 'cross-entropy', distortions: false },
    deviations:
      'Adam (batch 32, cosine schedule) on softmax cross-entropy: the 1989 network\'s own training details are not reproduced, and our SDLM needs an RBF output layer (its Gauss-Newton split), which LeNet-1 does not have.',
  },
  {
    name: 'lenet5',
    title: 'LeNet-5 (scaled tanh, trainable subsampling, C3 table, fixed RBF codes), SDLM',
    paperTestError: 0.95,
    paperSource: 'LeCun et al. 1998, Section III.C and Fig. 9',
    recipe: { ...sdlmMiniBatch, distortions: false },
    deviations: miniBatchDeviation,
  },
  {
    name: 'lenet5-distortions',
    title: 'LeNet-5 as above, trained on randomly distorted digits',
    paperTestError: 0.8,
    paperSource: 'LeCun et al. 1998, Section III.C and Fig. 9 ("[dist] LeNet-5")',
    recipe: { ...sdlmMiniBatch, distortions: true },
    deviations: `${miniBatchDeviation} Each pass trains on a freshly distorted copy of each of the 60,000 training digits (60,000 per pass, 1.2 million in 20 passes), where the paper added 540,000 distorted patterns to the 60,000 originals (600,000 per pass, 12 million in 20 passes): a tenth of its updates, and no undistorted digits.`,
  },
  {
    name: 'lenet5-modern',
    title: 'The common modern LeNet-5 (ReLU, max pooling, full C3, softmax), for reference',
    paperSource: 'not in the paper',
    recipe: { model: 'lenet5-modern', epochs: 20, batchSize: 32, optimizer: 'adam', learningRate: 0.002, schedule: 'cosine', loss: 'cross-entropy', distortions: false },
    deviations: 'Not the paper\'s network: the usual modern substitutes, trained with Adam; a reference point only.',
  },
  {
    name: 'lenet5-per-pattern',
    title: 'LeNet-5 with the paper\'s one SDLM update per pattern',
    paperTestError: 0.95,
    paperSource: 'LeCun et al. 1998, Section III.C and Fig. 9',
    recipe: { model: 'lenet5', epochs: 20, batchSize: 1, optimizer: 'sdlm', learningRate: 0.0005, schedule: 'constant', loss: 'mle', sdlmMu: 0.2, distortions: false },
    deviations: 'mu 0.2 instead of the paper\'s 0.02 (with 0.02 the first updates diverge from the paper\'s initialisation); otherwise the paper\'s recipe. About 10x slower than the mini-batch variant.',
  },
];

/** The names of {@link EXPERIMENTS}. */
export const EXPERIMENT_NAMES: readonly string[] = EXPERIMENTS.map((experiment) => experiment.name);

/** The experiment called `name`, or undefined. */
export function findExperiment(name: string): Experiment | undefined {
  return EXPERIMENTS.find((experiment) => experiment.name === name);
}
