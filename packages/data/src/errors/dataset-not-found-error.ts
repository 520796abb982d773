import { LenetError } from '@lenet/common';

const marker = '@lenet/error/DatasetNotFoundError';
const symbol = Symbol.for(marker);

/** One place a loader looked for a dataset, and the files it did not find there. */
export interface SearchedLocation {
  /** The kind of source, such as `folder` or `cache`. */
  kind: string;
  /** The folder or package looked in, or why it was not looked in. */
  location: string;
  /** The file names looked for and not found. */
  missing: readonly string[];
}

/** Thrown when no source holds the dataset's files and downloading is not possible. */
export class DatasetNotFoundError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link DatasetNotFoundError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is DatasetNotFoundError {
    return LenetError.hasMarker(error, marker);
  }

  /** The dataset's name, such as `mnist`. */
  readonly dataset: string;
  /** Every place looked in, in order. */
  readonly searched: readonly SearchedLocation[];

  /**
   * @param dataset - The dataset's name.
   * @param searched - The places looked in (none: the name itself is unknown).
   * @param advice - What to do, appended to the message.
   */
  constructor(dataset: string, searched: readonly SearchedLocation[], advice: string) {
    const lines = searched.map(
      (place) =>
        `  ${place.kind} ${place.location}: ${place.missing.length === 0 ? 'not available' : `missing ${place.missing.join(', ')}`}`,
    );
    super(
      'DatasetNotFoundError',
      searched.length === 0
        ? `No data set is named ${dataset}: ${advice}`
        : `Could not find the ${dataset} files. Looked in:\n${lines.join('\n')}\n${advice}`,
    );
    this.dataset = dataset;
    this.searched = searched;
  }
}
