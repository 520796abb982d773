import { join } from 'node:path';
import type { DatasetSplit } from '@lenet/data';
import {
  confusionMatrixFigure,
  learningCurvesFigure,
  misclassifiedGalleryFigure,
  type Scene,
} from '@lenet/viz';
import { writePng } from '@lenet/viz/node';
import type { Evaluation } from '@lenet/models';
import type { RunFolder } from './prepare-run-folder.js';
import type { TrainingOutcome } from './run-training.js';

/** The misclassified gallery shows at most this many digits (the paper's Fig. 8 shows 82). */
const galleryLimit = 240;

/** The confusion matrix of an evaluation, rows and columns named by the classes. */
export function confusionScene(
  modelName: string,
  evaluation: Evaluation,
  classNames: readonly string[],
): Scene {
  return confusionMatrixFigure({
    matrix: evaluation.confusion,
    title: `${modelName}: test confusion matrix`,
    classNames,
  });
}

/** The gallery of the misclassified test images (the first {@link galleryLimit}), or undefined when there are none. */
export function misclassifiedScene(
  modelName: string,
  evaluation: Evaluation,
  test: DatasetSplit,
  classNames: readonly string[],
): Scene | undefined {
  const allWrong = evaluation.misclassified;
  if (allWrong.length === 0) return undefined;
  const wrong = allWrong.slice(0, galleryLimit);
  const pixels = test.height * test.width;
  return misclassifiedGalleryFigure({
    images: wrong.map((index) => test.images.subarray(index * pixels, (index + 1) * pixels)),
    width: test.width,
    height: test.height,
    trueLabels: wrong.map((index) => test.labels[index] ?? 0),
    predictedLabels: wrong.map((index) => evaluation.predictions[index] ?? 0),
    tested: test.count,
    errors: allWrong.length,
    classNames,
    title:
      wrong.length === allWrong.length
        ? `${modelName}: the ${wrong.length} misclassified test images (true->predicted)`
        : `${modelName}: the first ${wrong.length} of ${allWrong.length} misclassified test images (true->predicted)`,
  });
}

/**
 * Writes a confusion matrix and a gallery of the misclassified digits as PNG files
 * (`<prefix>confusion-matrix.png`, `<prefix>misclassified.png`), each atomically.
 *
 * @returns The paths written.
 */
export async function writeEvaluationFigures(
  folder: string,
  modelName: string,
  evaluation: Evaluation,
  test: DatasetSplit,
  classNames: readonly string[],
  prefix = '',
): Promise<string[]> {
  const matrix = join(folder, `${prefix}confusion-matrix.png`);
  await writePng(confusionScene(modelName, evaluation, classNames), matrix);
  const gallery = misclassifiedScene(modelName, evaluation, test, classNames);
  if (gallery === undefined) return [matrix];
  const galleryFile = join(folder, `${prefix}misclassified.png`);
  await writePng(gallery, galleryFile);
  return [matrix, galleryFile];
}

/**
 * Writes a finished run's figures into its `figures/` folder: learning curves, confusion
 * matrix (rows and columns named by the classes), misclassified test images.
 *
 * @returns The paths written.
 */
export async function writeRunFigures(
  folder: RunFolder,
  outcome: TrainingOutcome,
  test: DatasetSplit,
  classNames: readonly string[],
): Promise<string[]> {
  const curves = join(folder.figures, 'learning-curves.png');
  const points = outcome.history.map(({ epoch, trainError, testError }) => ({
    epoch,
    trainError,
    testError,
  }));
  await writePng(
    learningCurvesFigure({ points, title: `${outcome.recipe.name}: error per epoch` }),
    curves,
  );
  if (outcome.evaluation === undefined) return [curves];
  return [
    curves,
    ...(await writeEvaluationFigures(
      folder.figures,
      outcome.recipe.name,
      outcome.evaluation,
      test,
      classNames,
    )),
  ];
}
