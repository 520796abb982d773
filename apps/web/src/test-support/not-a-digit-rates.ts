import type * as tf from '@tensorflow/tfjs';
import type { ReadOut } from '@lenet/core';
import { loadMnist, preparePicture } from '@lenet/data';
import type { ModelKind } from '@lenet/models';
import { DIGIT_STROKES, type Stroke } from '../draw/digit-strokes.js';
import { inkBoxOf, type InkBox, type PenStroke } from '../draw/ink-box.js';
import { PEN_SIZES } from '../draw/pen-sizes.js';
import { verdictOf, type ReadingThreshold } from '../predict/verdict.js';
import { NON_DIGIT_KINDS, nonDigitDrawings, type NonDigitKind } from './non-digit-drawings.js';
import { scoreImages } from './score-images.js';
import { strokePicture } from './stroke-pictures.js';

/** Drawings prepared as the page prepares the pad (28x28 MNIST-style images), with their ink boxes. */
interface PreparedDrawings<Tag> {
  readonly images: Uint8Array;
  readonly boxes: readonly (InkBox | undefined)[];
  readonly tags: readonly Tag[];
}

/** What the "not a digit" reading is calibrated and checked on. */
export interface CalibrationData {
  /** MNIST's 10,000 test digits. */
  readonly test: {
    readonly images: Uint8Array;
    readonly labels: Uint8Array;
    readonly count: number;
  };
  /** 100 generated non-digits of each kind (`nonDigitDrawings(100)`). */
  readonly nonDigits: PreparedDrawings<NonDigitKind>;
  /** The recorded digits 0-9 with each pen, as drawn, slanted, rotated and tiny. */
  readonly padDigits: PreparedDrawings<PadDigit>;
}

/** One of the pad's recorded digits as {@link calibrationData} draws it. */
export interface PadDigit {
  readonly label: number;
  /** `tiny` is 30% of the recorded size: with a thick pen, a blot. */
  readonly variant: 'as drawn' | 'slanted' | 'rotated' | 'tiny';
}

type Point = readonly [number, number];
const variants: Readonly<Record<PadDigit['variant'], (point: Point) => Point>> = {
  'as drawn': (point) => point,
  slanted: ([x, y]) => [x - 0.3 * (y - 0.5), y],
  rotated: ([x, y]) => {
    const angle = (15 * Math.PI) / 180;
    const [dx, dy] = [x - 0.5, y - 0.5];
    return [
      0.5 + dx * Math.cos(angle) - dy * Math.sin(angle),
      0.5 + dx * Math.sin(angle) + dy * Math.cos(angle),
    ];
  },
  tiny: ([x, y]) => [0.5 + 0.3 * (x - 0.5), 0.5 + 0.3 * (y - 0.5)],
};

function prepare<Tag>(
  drawings: readonly { strokes: readonly PenStroke[]; tag: Tag }[],
): PreparedDrawings<Tag> {
  const images = new Uint8Array(drawings.length * 784);
  drawings.forEach(({ strokes }, index) => {
    images.set(preparePicture(strokePicture(strokes), 'digit', 'dark-on-light'), index * 784);
  });
  return {
    images,
    boxes: drawings.map(({ strokes }) => inkBoxOf(strokes)),
    tags: drawings.map(({ tag }) => tag),
  };
}

/** Loads MNIST's test digits from `mnistFolder` and draws the non-digits and the pad's digits. */
export async function calibrationData(mnistFolder: string): Promise<CalibrationData> {
  const { test } = await loadMnist({ folder: mnistFolder, source: 'folder' });
  const padDigits = DIGIT_STROKES.flatMap((strokes, label) =>
    PEN_SIZES.flatMap(({ fraction }) =>
      Object.entries(variants).map(([variant, move]) => ({
        tag: { label, variant: variant as PadDigit['variant'] },
        strokes: strokes.map((points: Stroke) => ({
          points: points.map(move),
          penFraction: fraction,
        })),
      })),
    ),
  );
  return {
    test,
    nonDigits: prepare(nonDigitDrawings(100).map(({ kind, strokes }) => ({ tag: kind, strokes }))),
    padDigits: prepare(padDigits),
  };
}

/**
 * The threshold that refuses the share `refused` of MNIST's test digits, the least sure ones:
 * that quantile of their nearest distances (RBF) or top logits.
 */
export function thresholdAt(
  read: ReadOut,
  output: 'rbf' | 'logits',
  refused: number,
): ReadingThreshold {
  const values = read.scores
    .map((scores) => Math.max(...scores))
    .sort((first, second) => first - second);
  const quantile = values[Math.floor(refused * (values.length - 1))] ?? 0;
  return output === 'rbf'
    ? { statistic: 'distance', value: -quantile }
    : { statistic: 'logit', value: quantile };
}

/** How a threshold does, as shares 0..1. */
export interface RejectionRates {
  /** MNIST test digits called "not a digit". */
  readonly testRefused: number;
  /** Of the refused test digits, the share the model misreads anyway. */
  readonly refusedMisread: number;
  /** The error on the test digits it names. */
  readonly acceptedError: number;
  /** Non-digits called "not a digit", in all and per kind. */
  readonly nonDigitsRefused: number;
  readonly nonDigitsRefusedByKind: Readonly<Record<NonDigitKind, number>>;
  /** The pad's recorded digits with every pen, as drawn, slanted and rotated, read as their digit. */
  readonly padDigitsRead: number;
  /** The same at 30% of their size, read as their digit. */
  readonly tinyDigitsRead: number;
}

/** Measures `threshold` for `model` on `data`, with the page's own reading ({@link verdictOf}). */
export function rejectionRates(
  model: tf.LayersModel,
  recipe: ModelKind,
  threshold: ReadingThreshold | undefined,
  data: CalibrationData,
): RejectionRates {
  const read = (images: Uint8Array, count: number, boxes?: readonly (InkBox | undefined)[]) =>
    scoreImages(model, recipe, images, count).scores.map((scores, index) =>
      verdictOf(scores, recipe.output, threshold, boxes?.[index]),
    );
  const test = read(data.test.images, data.test.count);
  const refused = test.flatMap((verdict, index) => (verdict.kind === 'class' ? [] : [index]));
  const misread = (index: number) => test[index]?.label !== data.test.labels[index];
  const accepted = test.flatMap((verdict, index) => (verdict.kind === 'class' ? [index] : []));
  const non = read(data.nonDigits.images, data.nonDigits.tags.length, data.nonDigits.boxes);
  const share = (part: number, whole: number) => part / Math.max(1, whole);
  const refusedOfKind = (kind: NonDigitKind) => {
    const ofKind = non.filter((_, index) => data.nonDigits.tags[index] === kind);
    return share(ofKind.filter((verdict) => verdict.kind !== 'class').length, ofKind.length);
  };
  const pad = read(data.padDigits.images, data.padDigits.tags.length, data.padDigits.boxes);
  const padRead = (tiny: boolean) => {
    const indices = data.padDigits.tags.flatMap((tag, index) =>
      (tag.variant === 'tiny') === tiny ? [index] : [],
    );
    const right = indices.filter((index) => {
      const verdict = pad[index];
      return verdict?.kind === 'class' && verdict.label === data.padDigits.tags[index]?.label;
    });
    return share(right.length, indices.length);
  };
  return {
    testRefused: share(refused.length, test.length),
    refusedMisread: share(refused.filter(misread).length, refused.length),
    acceptedError: share(accepted.filter(misread).length, accepted.length),
    nonDigitsRefused: share(non.filter((verdict) => verdict.kind !== 'class').length, non.length),
    nonDigitsRefusedByKind: Object.fromEntries(
      NON_DIGIT_KINDS.map((kind) => [kind, refusedOfKind(kind)]),
    ) as Record<NonDigitKind, number>,
    padDigitsRead: padRead(false),
    tinyDigitsRead: padRead(true),
  };
}
