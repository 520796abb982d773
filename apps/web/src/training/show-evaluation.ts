import type { DatasetSplit } from '@lenet/data';
import type { Evaluation } from '@lenet/models';
import { confusionMatrixFigure, misclassifiedGalleryFigure, perClassError } from '@lenet/viz';
import type { TrainedOn } from '../datasets/trained-on.js';
import { element } from '../page-elements.js';
import { drawFigure } from '../view/figure-canvas.js';

/**
 * An evaluation in words: the test error, and the class the model gets wrong most often, by
 * its name.
 *
 * @param evaluation - What `evaluateModel` of @lenet/models found.
 * @param trainedOn - The data set tested on: its title and class names.
 * @example
 * ```ts
 * describeEvaluation(evaluation, trainedOn);
 * // 'test error 21.30% on the 10,000 Fashion-MNIST test images; most often wrong: Shirt (61.2% of its images)'
 * ```
 */
export function describeEvaluation(evaluation: Evaluation, trainedOn: TrainedOn): string {
  const errors = perClassError(evaluation.confusion);
  const hardest = errors.indexOf(Math.max(...errors));
  const name = trainedOn.classNames[hardest] ?? String(hardest);
  const share = ((errors[hardest] ?? 0) * 100).toFixed(1);
  return `test error ${(evaluation.errorRate * 100).toFixed(2)}% on the ${evaluation.count.toLocaleString('en-US')} ${trainedOn.title} test images; most often wrong: ${name} (${share}% of its images)`;
}

/**
 * Shows an evaluation on the test set: {@link describeEvaluation} in `#train-status`, the
 * confusion matrix with each class's error (`#confusion`) and the first 40 misclassified
 * images (`#misclassified`), drawn by @lenet/viz with the class names.
 *
 * @param evaluation - What `evaluateModel` found on `test`.
 * @param test - The test split, 28x28 images.
 * @param trainedOn - The data set's title and class names.
 */
export function showEvaluation(
  evaluation: Evaluation,
  test: DatasetSplit,
  trainedOn: TrainedOn,
): void {
  const { classNames, title } = trainedOn;
  const status = element('train-status', HTMLOutputElement);
  status.textContent = describeEvaluation(evaluation, trainedOn);
  status.dataset.testError = evaluation.errorRate.toFixed(4);
  drawFigure(
    element('confusion', HTMLCanvasElement),
    confusionMatrixFigure({
      matrix: evaluation.confusion,
      classNames,
      title: `Confusion matrix (${title} test set)`,
    }),
  );
  const wrong = evaluation.misclassified.slice(0, 40);
  if (wrong.length === 0) return;
  const pixels = test.height * test.width;
  // Digits keep the paper's captions (4->6, Fig. 8); other classes are named in words.
  const named = classNames.some((name, label) => name !== String(label));
  drawFigure(
    element('misclassified', HTMLCanvasElement),
    misclassifiedGalleryFigure({
      images: wrong.map((index) => test.images.subarray(index * pixels, (index + 1) * pixels)),
      trueLabels: wrong.map((index) => test.labels[index] ?? 0),
      predictedLabels: wrong.map((index) => evaluation.predictions[index] ?? 0),
      tested: evaluation.count,
      errors: evaluation.errors,
      ...(named ? { classNames } : {}),
    }),
  );
}
