import { datasetNamed, KNOWN_DATASETS, type DatasetDescriptor } from '@lenet/data';
import {
  defaultFolderUrl,
  describeDataset,
  loadPageDataset,
  type DatasetFiles,
  type PageDataset,
} from '../datasets/page-dataset.js';
import { folderHint } from '../datasets/folder-hint.js';
import { errorMessage } from '../error-message.js';
import { element } from '../page-elements.js';

/** The data-set controls of the training form: a menu of the known data sets and where their files are. */
export interface DatasetPicker {
  /** The data set chosen in the menu. */
  readonly chosen: () => DatasetDescriptor;
  /**
   * Loads the chosen data set from the chosen files (the last load again while neither
   * changed) and shows in `#data-status` what it holds, its notices, or what went wrong (with
   * what to do about a URL folder that cannot be read, `folderHint`).
   *
   * @returns The data set, or undefined when it could not be loaded (the page says why).
   */
  readonly load: () => Promise<PageDataset | undefined>;
}

/**
 * Wires the data set menu (MNIST first), the URL folder (its default follows the data set
 * until it is edited) and the file input (the files are read in the browser, never uploaded).
 *
 * @param onChoose - Called with the data set chosen in the menu.
 */
export function setupDatasetPicker(
  onChoose: (descriptor: DatasetDescriptor) => void,
): DatasetPicker {
  const menu = element('train-dataset', HTMLSelectElement);
  menu.replaceChildren(
    ...KNOWN_DATASETS.map((descriptor) => new Option(descriptor.title, descriptor.name)),
  );
  const url = element('data-url', HTMLInputElement);
  const files = element('data-files', HTMLInputElement);
  const fromFolder = element('data-from-folder', HTMLInputElement);
  const fromFiles = element('data-from-files', HTMLInputElement);
  let chosen = datasetNamed(menu.value);
  url.value = defaultFolderUrl(chosen);
  menu.addEventListener('change', () => {
    const previous = chosen;
    chosen = datasetNamed(menu.value);
    if (url.value === defaultFolderUrl(previous)) url.value = defaultFolderUrl(chosen);
    onChoose(chosen);
  });
  url.addEventListener('input', () => (fromFolder.checked = true));
  files.addEventListener('change', () => (fromFiles.checked = true));

  let last: { key: readonly unknown[]; loading: Promise<PageDataset> } | undefined;
  const load = async (): Promise<PageDataset | undefined> => {
    const status = element('data-status', HTMLOutputElement);
    const source: DatasetFiles = fromFiles.checked
      ? { kind: 'files', files: Array.from(files.files ?? []) }
      : { kind: 'folder', url: new URL(url.value, document.baseURI).href };
    const key = [chosen, ...(source.kind === 'files' ? source.files : [source.url])];
    const request =
      last?.key.length === key.length && last.key.every((item, index) => item === key[index])
        ? last
        : { key, loading: loadPageDataset(chosen, source) };
    last = request;
    status.dataset.state = 'loading';
    status.textContent =
      source.kind === 'files'
        ? `reading ${chosen.title} from ${source.files.map((file) => file.name).join(', ') || 'no files'} (in this browser)...`
        : `loading ${chosen.title} from ${source.url}...`;
    try {
      const loaded = await request.loading;
      status.textContent = describeDataset(loaded).join('\n');
      status.dataset.state = 'loaded';
      return loaded;
    } catch (error) {
      // A failed load is not kept: the next press of Train tries again.
      if (last === request) last = undefined;
      const hint =
        source.kind === 'folder'
          ? folderHint(error, chosen, source.url, document.baseURI)
          : undefined;
      status.textContent = [errorMessage(error), ...(hint === undefined ? [] : [hint])].join('\n');
      status.dataset.state = 'failed';
      return undefined;
    }
  };
  return { chosen: () => chosen, load };
}
