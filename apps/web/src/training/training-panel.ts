import type * as tf from '@tensorflow/tfjs';
import {
  evaluateModel,
  recognizeModel,
  supportsClasses,
  TRAINING_DEFAULTS,
  type ModelKind,
} from '@lenet/models';
import type { PageDataset } from '../datasets/page-dataset.js';
import { trainedOnOf, type TrainedOn } from '../datasets/trained-on.js';
import { errorMessage } from '../error-message.js';
import {
  classCountProblem,
  findTrainableModel,
  TRAINABLE_MODELS,
} from '../models/trainable-models.js';
import { element } from '../page-elements.js';
import { BrowserTrainer } from './browser-training.js';
import { setupDatasetPicker } from './dataset-picker.js';
import {
  downloadModel,
  loadFromBrowser,
  loadFromFiles,
  recordTrainedOn,
  saveToBrowser,
  trainedOnOfModel,
} from './model-store.js';
import { runTraining } from './run-training.js';
import { showEvaluation } from './show-evaluation.js';

/** What the training panel needs from the page. */
export interface PageModels {
  /** Makes a model the one the drawing pad uses, its classes named as in the data set it was trained on. */
  readonly useModel: (
    model: tf.LayersModel,
    recipe: ModelKind,
    label: string,
    trainedOn: TrainedOn,
  ) => void;
}

/** A model trained in the page and the data set it was trained on. */
interface TrainingRun {
  readonly trainer: BrowserTrainer;
  readonly data: PageDataset;
  readonly trainedOn: TrainedOn;
}

const status = () => element('train-status', HTMLOutputElement);
const storeStatus = () => element('store-status', HTMLOutputElement);
const trainedButtons = ['train-evaluate', 'use-trained', 'save-idb', 'download'];

/** Offers the trainable models that build `classes` classes (all when `classes` is 0: not known yet), keeping the choice when it is one. */
function offerModels(select: HTMLSelectElement, classes: number): void {
  for (const option of Array.from(select.options))
    option.disabled = classes > 0 && !supportsClasses(findTrainableModel(option.value), classes);
  if (select.selectedOptions[0]?.disabled === true)
    select.value = Array.from(select.options).find((option) => !option.disabled)?.value ?? '';
}

/** Wires the "train in the browser" and "save and load" controls. */
export function setupTrainingPanel(page: PageModels): void {
  const trainModel = element('train-model', HTMLSelectElement);
  trainModel.replaceChildren(
    ...TRAINABLE_MODELS.map((model) => new Option(model.title, model.name)),
  );
  const picker = setupDatasetPicker((descriptor) => {
    offerModels(trainModel, descriptor.classes);
  });
  const pause = element('train-pause', HTMLButtonElement);
  const start = element('train-start', HTMLButtonElement);
  let run: TrainingRun | undefined;

  element('train-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    start.disabled = true;
    void (async () => {
      const data = await picker.load();
      if (data === undefined) return;
      const { classes } = data.dataset;
      const problem = classCountProblem(
        findTrainableModel(trainModel.value),
        classes,
        data.descriptor.title,
      );
      offerModels(trainModel, classes);
      if (problem !== undefined) {
        status().textContent = problem;
        status().dataset.state = 'refused';
        return;
      }
      for (const id of trainedButtons) element(id, HTMLButtonElement).disabled = true;
      const trainer = new BrowserTrainer(
        findTrainableModel(trainModel.value),
        TRAINING_DEFAULTS.seed,
        classes,
      );
      const trainedOn = trainedOnOf(data.descriptor, data.dataset.classNames);
      recordTrainedOn(trainer.model, trainedOn);
      run = { trainer, data, trainedOn };
      await runTraining(data, trainer, pause);
      for (const id of trainedButtons) element(id, HTMLButtonElement).disabled = false;
    })()
      .catch((error: unknown) => {
        status().textContent = `training failed: ${errorMessage(error)}`;
        status().dataset.state = 'failed';
        pause.disabled = true;
      })
      .finally(() => (start.disabled = false));
  });

  pause.addEventListener('click', () => {
    const trainer = run?.trainer;
    if (trainer === undefined) return;
    if (trainer.paused) trainer.resume();
    else trainer.pause();
    pause.textContent = trainer.paused ? 'Resume' : 'Pause';
    status().dataset.state = trainer.paused ? 'paused' : 'training';
  });

  element('train-evaluate', HTMLButtonElement).addEventListener('click', () => {
    if (run === undefined) return;
    const evaluated = run;
    const { test } = evaluated.data.dataset;
    status().textContent = `evaluating on the ${test.count.toLocaleString('en-US')} ${evaluated.trainedOn.title} test images...`;
    void evaluateModel(evaluated.trainer.model, evaluated.trainer.recipe, test)
      .then((evaluation) => {
        showEvaluation(evaluation, test, evaluated.trainedOn);
      })
      .catch(
        (error: unknown) => (status().textContent = `evaluation failed: ${errorMessage(error)}`),
      );
  });

  element('use-trained', HTMLButtonElement).addEventListener('click', () => {
    if (run !== undefined)
      page.useModel(
        run.trainer.model,
        run.trainer.recipe,
        `trained ${run.trainer.recipe.name}`,
        run.trainedOn,
      );
  });
  element('save-idb', HTMLButtonElement).addEventListener('click', () => {
    if (run === undefined) return;
    const { trainer, trainedOn } = run;
    void saveToBrowser(trainer.model, trainer.recipe.name).then(
      () =>
        (storeStatus().textContent = `saved ${trainer.recipe.title} trained on ${trainedOn.title} in this browser`),
    );
  });
  element('download', HTMLButtonElement).addEventListener('click', () => {
    if (run !== undefined) void downloadModel(run.trainer.model, run.trainer.recipe.name);
  });
  element('load-idb', HTMLButtonElement).addEventListener('click', () => {
    const recipe = findTrainableModel(trainModel.value);
    const descriptor = picker.chosen();
    void loadFromBrowser(recipe.name, descriptor.name).then((model) => {
      if (model === undefined) {
        storeStatus().textContent = `no ${recipe.title} trained on ${descriptor.title} saved in this browser yet: train one and press "Save to this browser".`;
        return;
      }
      const trainedOn = trainedOnOfModel(model);
      page.useModel(model, recipe, `saved ${recipe.name}`, trainedOn);
      storeStatus().textContent = `loaded the ${recipe.title} trained on ${trainedOn.title} saved in this browser`;
    });
  });
  element('upload', HTMLInputElement).addEventListener('change', (event) => {
    const files = Array.from((event.target as HTMLInputElement).files ?? []);
    void Promise.resolve()
      .then(() => loadFromFiles(files))
      .then((model) => {
        const recipe = recognizeModel(model);
        if (recipe === undefined)
          throw new Error(
            `${files.map((file) => file.name).join(' + ')} holds a model with ${JSON.stringify(model.inputs[0]?.shape.slice(1))} inputs; the page feeds 32x32 or 28x28 images only. Choose a model saved by lenet train or by this page.`,
          );
        const trainedOn = trainedOnOfModel(model);
        page.useModel(model, recipe, `file ${recipe.name}`, trainedOn);
        storeStatus().textContent = `loaded ${files.map((file) => file.name).join(' + ')} as ${recipe.title} trained on ${trainedOn.title}`;
      })
      .catch((error: unknown) => (storeStatus().textContent = errorMessage(error)));
  });
}
