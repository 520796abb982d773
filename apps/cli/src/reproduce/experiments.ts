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

/** The paper's SDLM recipe, one update per pattern, with the one change it needs here (mu). */
const sdlmPerPattern = {
  model: 'lenet5',
  epochs: 20,
  batchSize: 1,
  optimizer: 'sdlm',
  learningRate: 0.0005,
  schedule: 'constant',
  loss: 'map',
  sdlmMu: 0.2,
  kernels: 'lenet',
  threads: 1,
} as const;

const muDeviation =
  "mu 0.2 instead of the paper's 0.02: with 0.02 (and eta 0.0005 or 0.00025) the first few updates diverge from the paper's initialisation, where h_kk is nearly 0 for most weights and every step is eta / mu times the gradient. The MAP criterion (the paper does not say which criterion gave its figure); h_kk is the MLE part's Gauss-Newton diagonal, as in the paper.";

/** The experiments `lenet reproduce` knows, in the order they are run and reported. */
export const EXPERIMENTS: readonly Experiment[] = [
  {
    name: 'lenet1',
    title: 'LeNet-1, digits down-sampled to 16x16 in the 28x28 field',
    paperTestError: 1.7,
    paperSource: 'LeCun et al. 1998, Fig. 9 ("[16x16] LeNet-1")',
    recipe: { model: 'lenet1', epochs: 20, batchSize: 32, optimizer: 'adam', learningRate: 0.002, schedule: 'cosine', loss: 'cross-entropy', distortions: false, kernels: 'tfjs', threads: 1 },
    deviations:
      'Adam (batch 32, cosine schedule) on softmax cross-entropy: the 1989 network\'s own training details are not reproduced, and our SDLM needs an RBF output layer (its Gauss-Newton split), which LeNet-1 does not have.',
  },
  {
    name: 'lenet5',
    title: 'LeNet-5 (scaled tanh, trainable subsampling, C3 table, fixed RBF codes), SDLM',
    paperTestError: 0.95,
    paperSource: 'LeCun et al. 1998, Section III.C and Fig. 9',
    recipe: { ...sdlmPerPattern, distortions: false },
    deviations: muDeviation,
  },
  {
    name: 'lenet5-distortions',
    title: 'LeNet-5 as above, trained on randomly distorted digits',
    paperTestError: 0.8,
    paperSource: 'LeCun et al. 1998, Section III.C and Fig. 9 ("[dist] LeNet-5")',
    recipe: { ...sdlmPerPattern, distortions: true },
    deviations: `${muDeviation} Each pass trains on a freshly distorted copy of each of the 60,000 training digits (60,000 per pass, 1.2 million in 20 passes), where the paper added 540,000 distorted patterns to the 60,000 originals (600,000 per pass, 12 million in 20 passes): a tenth of its updates, and no undistorted digits.`,
  },
  {
    name: 'lenet5-modern',
    title: 'The common modern LeNet-5 (ReLU, max pooling, full C3, softmax), for reference',
    paperSource: 'not in the paper',
    recipe: { model: 'lenet5-modern', epochs: 20, batchSize: 32, optimizer: 'adam', learningRate: 0.002, schedule: 'cosine', loss: 'cross-entropy', distortions: false, kernels: 'lenet', threads: 1 },
    deviations: 'Not the paper\'s network: the usual modern substitutes, trained with Adam; a reference point only.',
  },
  {
    name: 'lenet5-mini-batch',
    title: 'LeNet-5 with SDLM in mini-batches of 32',
    paperTestError: 0.95,
    paperSource: 'LeCun et al. 1998, Section III.C and Fig. 9',
    recipe: { ...sdlmPerPattern, batchSize: 32, learningRate: 0.0005 / 8, distortions: false },
    deviations:
      "SDLM in mini-batches of 32 instead of one update per pattern: a step uses the summed gradient (so it is the sum of the 32 per-pattern steps to first order), which diverges at the paper's eta; eta is 1/8 of the paper's schedule and mu 0.2. About twice as fast per digit as per-pattern updates, but it learns less per digit.",
  },
];

/** The names of {@link EXPERIMENTS}. */
export const EXPERIMENT_NAMES: readonly string[] = EXPERIMENTS.map((experiment) => experiment.name);

/** The experiment called `name`, or undefined. */
export function findExperiment(name: string): Experiment | undefined {
  return EXPERIMENTS.find((experiment) => experiment.name === name);
}
