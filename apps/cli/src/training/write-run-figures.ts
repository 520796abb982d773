import { join } from 'node:path';
import type { DatasetSplit } from '@lenet/data';
import { confusionMatrixFigure, learningCurvesFigure, misclassifiedGalleryFigure } from '@lenet/viz';
import { writePng } from '@lenet/viz/node';
import type { RunFolder } from './prepare-run-folder.js';
import type { TrainingOutcome } from './run-training.js';

/** The misclassified gallery shows at most this many digits (the paper's Fig. 8 shows 82). */
const galleryLimit = 240;

/** The figures a finished run writes, by file name. */
export const RUN_FIGURES = ['learning-curves.png', 'confusion-matrix.png', 'misclassified.png'] as const;

/**
 * Writes a finished run's figures (learning curves, confusion matrix, misclassified test
 * digits) into its `figures/` folder, each file atomically.
 */
export async function writeRunFigures(folder: RunFolder, outcome: TrainingOutcome, test: DatasetSplit): Promise<void> {
  const evaluation = outcome.evaluation;
  if (evaluation === undefined) return;
  const model = outcome.recipe.name;
  await writePng(
    learningCurvesFigure({ points: outcome.history.map(({ epoch, trainError, testError }) => ({ epoch, trainError, testError })), title: `${model}: error per epoch` }),
    join(folder.figures, RUN_FIGURES[0]),
  );
  await writePng(confusionMatrixFigure({ matrix: evaluation.confusion, title: `${model}: test confusion matrix` }), join(folder.figures, RUN_FIGURES[1]));
  const allWrong = Array.from(evaluation.predictions.keys()).filter((index) => evaluation.predictions[index] !== test.labels[index]);
  if (allWrong.length === 0) return;
  const wrong = allWrong.slice(0, galleryLimit);
  const pixels = test.height * test.width;
  await writePng(
    misclassifiedGalleryFigure({
      images: wrong.map((index) => test.images.subarray(index * pixels, (index + 1) * pixels)),
      width: test.width,
      height: test.height,
      trueLabels: wrong.map((index) => test.labels[index] ?? 0),
      predictedLabels: wrong.map((index) => evaluation.predictions[index] ?? 0),
      title:
        wrong.length === allWrong.length
          ? `${model}: the ${wrong.length} misclassified test digits (true->predicted)`
          : `${model}: the first ${wrong.length} of ${allWrong.length} misclassified test digits (true->predicted)`,
    }),
    join(folder.figures, RUN_FIGURES[2]),
  );
}
