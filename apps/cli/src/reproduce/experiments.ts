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

/**
 * The paper's SDLM recipe: its mu, 20 passes, one update per pattern and its eta schedule, scaled
 * by 1/4 (a measured deviation, as is the initialisation: see the deviations and RESULTS.md).
 */
const sdlmPerPattern = {
  model: 'lenet5',
  epochs: 20,
  batchSize: 1,
  optimizer: 'sdlm',
  learningRate: 0.0005 / 4,
  schedule: 'constant',
  loss: 'map',
  sdlmMu: 0.02,
  initialisation: 'eblearn',
  kernels: 'lenet',
  threads: 1,
} as const;

const initialisationDeviation =
  "Weights start uniform in +-1/sqrt(F_i), biases at 0 and subsampling coefficients at 0.5 (LeCun's lab code, EBLearn) instead of the paper's text, uniform in +-2.4/F_i: read literally, that shrinks the signal layer by layer (F6's outputs have an RMS of 0.014), h_kk is below 0.011 for 89% of the weights, every step is eta / mu and the paper's mu 0.02 diverges at once (90% test error after 6,000 patterns); with this initialisation the first pass's rates span 1.3e-4 to 0.016, the paper's reported 7e-5 to 0.016 (see the notes). The paper's eta schedule scaled by 1/4 (0.000125 on passes 1-2 ... 0.0000025 from pass 13): at the paper's eta, per-pattern steps are noise-dominated here (test error after the first pass 4.00% at eta, 2.96% at eta/2, 2.25% at eta/4; C1's and C5's weights grow 6-7-fold in the first pass and 56% of C5's outputs saturate), and the run ends at 1.3% (see the notes). The MAP criterion with j = 10 (the paper gives neither which criterion nor j); h_kk is the MLE part's Gauss-Newton diagonal, as in the paper.";

/** The experiments `lenet reproduce` knows, in the order they are run and reported. */
export const EXPERIMENTS: readonly Experiment[] = [
  {
    name: 'lenet1',
    title:
      "LeNet-1, digits down-sampled to 16x16 in the 28x28 field, trained the paper's way (SDLM on the MAP criterion, 10 output units as +-1 place codes)",
    paperTestError: 1.7,
    paperSource: 'LeCun et al. 1998, Fig. 9 ("[16x16] LeNet-1")',
    recipe: {
      ...sdlmPerPattern,
      model: 'lenet1-place-code',
      learningRate: 0.0005,
      distortions: false,
    },
    deviations:
      "The initialisation as in lenet5 (EBLearn's): from the paper's text, h_kk's median is 2.4e-4 in H1 and 1.0e-3 in H2 and H3 before pass 1, so nearly every step there is eta / mu, and SDLM on the MAP criterion falls apart (11.3% test error after pass 1 for seed 1, 58% for seed 2). The paper's eta schedule as printed (LeNet-1 needs no 1/4: its steps do not random-walk as LeNet-5's), mu 0.02, 20 passes of per-pattern SDLM. The 1989 output layer, 10 scaled-tanh units, written as an RBF layer with one-hot +-1 codes, trained on the 1998 paper's MAP criterion (j = 10; h_kk is the MLE part's Gauss-Newton diagonal, as for lenet5) instead of the 1989 squared error, which limits this network to about 2% whatever trains it (lenet1-squared-error; see the notes).",
  },
  {
    name: 'lenet1-squared-error',
    title:
      "LeNet-1 as lenet1 but on the 1989 squared error to +-1 targets, from the paper's initialisation (the measurement behind lenet1's criterion)",
    paperTestError: 1.7,
    paperSource: 'LeCun et al. 1998, Fig. 9 ("[16x16] LeNet-1")',
    recipe: {
      model: 'lenet1-place-code',
      epochs: 20,
      batchSize: 1,
      optimizer: 'sdlm',
      learningRate: 0.0005,
      schedule: 'constant',
      loss: 'mle',
      sdlmMu: 0.02,
      distortions: false,
      kernels: 'lenet',
      threads: 1,
    },
    deviations:
      "None in the constants: the paper's initialisation (+-2.4/F_i), mu 0.02 and eta schedule, 20 passes of per-pattern SDLM. The 1989 output layer of 10 scaled-tanh units trained to +1/-1 targets with squared error, written as an RBF layer with one-hot +-1 codes (the same function, so SDLM's Gauss-Newton split applies); the 1989 paper's own pass count and schedule are not known to us, so LeNet-5's are used.",
  },
  {
    name: 'lenet1-adam',
    title: 'LeNet-1 with a softmax head and Adam, for reference',
    paperTestError: 1.7,
    paperSource: 'LeCun et al. 1998, Fig. 9 ("[16x16] LeNet-1")',
    recipe: {
      model: 'lenet1',
      epochs: 20,
      batchSize: 32,
      optimizer: 'adam',
      learningRate: 0.002,
      schedule: 'cosine',
      loss: 'cross-entropy',
      distortions: false,
      kernels: 'tfjs',
      threads: 1,
    },
    deviations:
      "Adam (batch 32, cosine schedule) on softmax cross-entropy: a modern reference, not the papers' training.",
  },
  {
    name: 'lenet5',
    title: 'LeNet-5 (scaled tanh, trainable subsampling, C3 table, fixed RBF codes), SDLM',
    paperTestError: 0.95,
    paperSource: 'LeCun et al. 1998, Section III.C and Fig. 9',
    recipe: { ...sdlmPerPattern, distortions: false },
    deviations: initialisationDeviation,
  },
  {
    name: 'lenet5-paper-eta',
    title:
      "LeNet-5 as above with the paper's eta schedule unscaled (the measurement behind the 1/4)",
    paperTestError: 0.95,
    paperSource: 'LeCun et al. 1998, Section III.C and Fig. 9',
    recipe: { ...sdlmPerPattern, learningRate: 0.0005, distortions: false },
    deviations:
      "Only the initialisation (as in lenet5): this is the paper's recipe with every constant as printed, kept to show what the 1/4 on eta buys.",
  },
  {
    name: 'lenet5-distortions',
    title: 'LeNet-5 as above, trained on randomly distorted digits',
    paperTestError: 0.8,
    paperSource: 'LeCun et al. 1998, Section III.C and Fig. 9 ("[dist] LeNet-5")',
    recipe: { ...sdlmPerPattern, distortions: true },
    deviations: `${initialisationDeviation} The pool is the paper's: the 60,000 digits and 9 distorted copies of each (540,000, drawn once from the seed: translation up to 2 px, scaling and squeezing up to 10%, horizontal shear up to 0.2; the paper gives no ranges), and each of the 20 passes trains on 60,000 patterns of it, as the paper's session length "was left unchanged".`,
  },
  {
    name: 'lenet5-modern',
    title: 'The common modern LeNet-5 (ReLU, max pooling, full C3, softmax), for reference',
    paperSource: 'not in the paper',
    recipe: {
      model: 'lenet5-modern',
      epochs: 20,
      batchSize: 32,
      optimizer: 'adam',
      learningRate: 0.002,
      schedule: 'cosine',
      loss: 'cross-entropy',
      distortions: false,
      kernels: 'lenet',
      threads: 1,
    },
    deviations:
      "Not the paper's network: the usual modern substitutes, trained with Adam; a reference point only.",
  },
  {
    name: 'lenet5-mini-batch',
    title: 'LeNet-5 with SDLM in mini-batches of 32',
    paperTestError: 0.95,
    paperSource: 'LeCun et al. 1998, Section III.C and Fig. 9',
    recipe: {
      ...sdlmPerPattern,
      batchSize: 32,
      learningRate: 0.0005 / 8,
      sdlmMu: 0.2,
      initialisation: 'paper',
      distortions: false,
    },
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
