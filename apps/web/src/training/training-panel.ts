import { evaluateModel, recognizeModel, supportsClasses, TRAINING_DEFAULTS } from '@lenet/models';
import type { PageDataset } from '../datasets/page-dataset.js';
import { trainedOnOf, type TrainedOn } from '../datasets/trained-on.js';
import { errorMessage } from '../error-message.js';
import type { PadModel, SwitchOutcome } from '../models/model-switch.js';
import {
  classCountProblem,
  findTrainableModel,
  TRAINABLE_MODELS,
} from '../models/trainable-models.js';
import { element } from '../page-elements.js';
import { BrowserTrainer } from './browser-training.js';
import { setEnabled } from './button-focus.js';
import { setupDatasetPicker } from './dataset-picker.js';
import {
  downloadModel,
  listSavedModels,
  loadFromBrowser,
  loadFromFiles,
  recordTrainedOn,
  saveToBrowser,
  trainedOnOfModel,
  type SavedModel,
} from './model-store.js';
import { runTraining } from './run-training.js';
import { showEvaluation } from './show-evaluation.js';

/** What the training panel needs from the page. */
export interface PageModels {
  /**
   * Makes the model `load` gives the one the pad reads with (superseding any switch still
   * loading), its classes named as in the data set it was trained on.
   *
   * @param key - What the menu shows while it loads.
   * @param title - What the loading notice calls it.
   * @param load - Gives the model; its `key` and `title` name it from then on.
   */
  readonly useModel: (
    key: string,
    title: string,
    load: () => PadModel | Promise<PadModel>,
  ) => Promise<SwitchOutcome>;
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

/** Lists the models saved in this browser in `#saved-models` (choosing `chosen` when given), and enables Load when there is one. */
async function showSavedModels(chosen?: string): Promise<SavedModel[]> {
  const menu = element('saved-models', HTMLSelectElement);
  const saved = await listSavedModels();
  const previous = chosen ?? menu.value;
  menu.replaceChildren(
    ...(saved.length === 0
      ? [new Option('none saved in this browser yet', '')]
      : saved.map((model) => new Option(model.title, model.key))),
  );
  if (saved.some((model) => model.key === previous)) menu.value = previous;
  menu.disabled = saved.length === 0;
  setEnabled(element('load-idb', HTMLButtonElement), saved.length > 0, menu);
  return saved;
}

/** A model of the panel's as the pad takes it. */
function padModel(
  run: Pick<TrainingRun, 'trainer' | 'trainedOn'>,
  key: string,
  title: string,
): PadModel {
  return {
    key,
    title,
    model: run.trainer.model,
    recipe: run.trainer.recipe,
    trainedOn: run.trainedOn,
    shipped: false,
  };
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
  const buttons = {
    start: element('train-start', HTMLButtonElement),
    pause: element('train-pause', HTMLButtonElement),
    stop: element('train-stop', HTMLButtonElement),
  };
  const endRun = () => {
    setEnabled(buttons.start, true);
    setEnabled(buttons.pause, false, buttons.start);
    setEnabled(buttons.stop, false, buttons.start);
  };
  let run: TrainingRun | undefined;

  element('train-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    // Stop works from the press of Train: while the data set loads, it cancels the run.
    setEnabled(buttons.stop, true);
    setEnabled(buttons.start, false, buttons.stop);
    const cancelled = new AbortController();
    const cancel = () => {
      cancelled.abort();
    };
    buttons.stop.addEventListener('click', cancel);
    void (async () => {
      const data = await picker.load();
      buttons.stop.removeEventListener('click', cancel);
      if (cancelled.signal.aborted) {
        status().textContent = 'stopped before training started';
        status().dataset.state = 'stopped';
      }
      if (data === undefined || cancelled.signal.aborted) return;
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
      // The figures of an earlier run's evaluation do not describe this model.
      element('confusion', HTMLCanvasElement).hidden = true;
      element('misclassified', HTMLCanvasElement).hidden = true;
      const trainer = new BrowserTrainer(
        findTrainableModel(trainModel.value),
        TRAINING_DEFAULTS.seed,
        classes,
      );
      const trainedOn = trainedOnOf(data.descriptor, data.dataset.classNames);
      recordTrainedOn(trainer.model, trainedOn);
      run = { trainer, data, trainedOn };
      await runTraining(data, trainer, buttons);
      for (const id of trainedButtons) element(id, HTMLButtonElement).disabled = false;
    })()
      .catch((error: unknown) => {
        status().textContent = `training failed: ${errorMessage(error)}`;
        status().dataset.state = 'failed';
      })
      .finally(() => {
        buttons.stop.removeEventListener('click', cancel);
        endRun();
      });
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
    if (run === undefined) return;
    const used = run;
    const key = `trained ${used.trainer.recipe.name}`;
    const title = `${used.trainer.recipe.title} trained in this page on ${used.trainedOn.title}`;
    void page.useModel(key, title, () => padModel(used, key, title));
  });
  element('save-idb', HTMLButtonElement).addEventListener('click', () => {
    if (run === undefined) return;
    const { trainer, trainedOn } = run;
    void saveToBrowser(trainer.model, trainer.recipe.name)
      .then(() => showSavedModels())
      .then(
        () =>
          (storeStatus().textContent = `saved ${trainer.recipe.title} trained on ${trainedOn.title} in this browser`),
      )
      .catch((error: unknown) => (storeStatus().textContent = errorMessage(error)));
  });
  element('download', HTMLButtonElement).addEventListener('click', () => {
    if (run !== undefined) void downloadModel(run.trainer.model, run.trainer.recipe.name);
  });
  element('load-idb', HTMLButtonElement).addEventListener('click', () => {
    const key = element('saved-models', HTMLSelectElement).value;
    void listSavedModels().then(async (saved) => {
      const chosen = saved.find((model) => model.key === key);
      if (chosen === undefined) {
        storeStatus().textContent = 'That model is no longer saved in this browser.';
        await showSavedModels();
        return;
      }
      const recipe = findTrainableModel(chosen.modelName);
      const loaded = await page.useModel(`saved ${recipe.name}`, chosen.title, async () => {
        const model = await loadFromBrowser(chosen);
        const trainedOn = trainedOnOfModel(model);
        return {
          key: `saved ${recipe.name}`,
          title: `${recipe.title} saved in this browser, trained on ${trainedOn.title}`,
          model,
          recipe,
          trainedOn,
          shipped: false,
        };
      });
      storeStatus().textContent = loaded.used
        ? `loaded ${chosen.title}, saved in this browser`
        : (loaded.failure ?? '');
    });
  });
  element('upload', HTMLInputElement).addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    // Picking the same files again (after fixing a mismatch, say) is a change too.
    input.value = '';
    const names = files.map((file) => file.name).join(' + ');
    void page
      .useModel('file', names, async () => {
        const model = await loadFromFiles(files);
        const recipe = recognizeModel(model);
        if (recipe === undefined)
          throw new Error(
            `${names} holds a model with ${JSON.stringify(model.inputs[0]?.shape.slice(1))} inputs; the page feeds 32x32 or 28x28 images only. Choose a model saved by lenet train or by this page.`,
          );
        const trainedOn = trainedOnOfModel(model);
        return {
          key: `file ${recipe.name}`,
          title: `${recipe.title} from ${names}, trained on ${trainedOn.title}`,
          model,
          recipe,
          trainedOn,
          shipped: false,
        };
      })
      .then((loaded) => {
        storeStatus().textContent = loaded.used ? `loaded ${names}` : (loaded.failure ?? '');
      });
  });
  void showSavedModels();
}
