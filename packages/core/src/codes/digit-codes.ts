import { LayerArgumentError } from '../errors/layer-argument-error.js';

/** Width of the RBF code bitmaps: 7 columns. */
export const DIGIT_BITMAP_WIDTH = 7;

/** Height of the RBF code bitmaps: 12 rows (7 x 12 = 84 = F6's units). */
export const DIGIT_BITMAP_HEIGHT = 12;

/**
 * The 7x12 bitmaps that LeNet-5's output RBF units compare F6 against, one per digit 0..9,
 * rows top to bottom, `#` = +1 and `.` = -1.
 *
 * Transcribed from the only public transcription we know of; not checked pixel by pixel
 * against the paper's Fig. 3, hence replaceable (see {@link RbfOutput}'s `codes`).
 *
 * @see LeCun et al. 1998, Section II.B (output layer) and Fig. 3.
 */
export const DIGIT_BITMAPS: readonly (readonly string[])[] = [
  // 0
  [
    '.#####.',
    '.......',
    '..###..',
    '.##.##.',
    '##...##',
    '##...##',
    '##...##',
    '##...##',
    '.##.##.',
    '..###..',
    '.......',
    '.......',
  ],
  // 1
  [
    '...##..',
    '..###..',
    '.####..',
    '...##..',
    '...##..',
    '...##..',
    '...##..',
    '...##..',
    '...##..',
    '.######',
    '.......',
    '.......',
  ],
  // 2
  [
    '.#####.',
    '.......',
    '.#####.',
    '##...##',
    '#....##',
    '....##.',
    '..###..',
    '.##....',
    '##.....',
    '#######',
    '.......',
    '.......',
  ],
  // 3
  [
    '#######',
    '.....##',
    '....##.',
    '...##..',
    '..####.',
    '.....##',
    '.....##',
    '.....##',
    '##...##',
    '.#####.',
    '.......',
    '.......',
  ],
  // 4
  [
    '.#####.',
    '.......',
    '.......',
    '.##..##',
    '.##..##',
    '###..##',
    '##...##',
    '##...##',
    '##..###',
    '.######',
    '.....##',
    '.....##',
  ],
  // 5
  [
    '.#####.',
    '.......',
    '#######',
    '##.....',
    '##.....',
    '.####..',
    '..####.',
    '.....##',
    '##...##',
    '.#####.',
    '.......',
    '.......',
  ],
  // 6
  [
    '..####.',
    '.##....',
    '##.....',
    '##.....',
    '######.',
    '###..##',
    '##...##',
    '##...##',
    '###..##',
    '.#####.',
    '.......',
    '.......',
  ],
  // 7
  [
    '#######',
    '.....##',
    '.....##',
    '....##.',
    '...##..',
    '...##..',
    '..##...',
    '..##...',
    '..##...',
    '..##...',
    '.......',
    '.......',
  ],
  // 8
  [
    '.#####.',
    '##...##',
    '##...##',
    '##...##',
    '.#####.',
    '##...##',
    '##...##',
    '##...##',
    '##...##',
    '.#####.',
    '.......',
    '.......',
  ],
  // 9
  [
    '.#####.',
    '##..###',
    '##...##',
    '##...##',
    '##..###',
    '.######',
    '.....##',
    '.....##',
    '....##.',
    '.####..',
    '.......',
    '.......',
  ],
];

/**
 * Turns a bitmap (rows of `#` and `.`) into a code vector, row-major, `#` = +1, `.` = -1.
 *
 * @throws {@link LayerArgumentError} when a row holds another character or rows differ in length.
 */
export function bitmapToCode(bitmap: readonly string[]): number[] {
  const width = bitmap[0]?.length ?? 0;
  if (width === 0 || bitmap.some((row) => row.length !== width || /[^#.]/.test(row))) {
    throw new LayerArgumentError(
      'bitmapToCode',
      'bitmap',
      'equal-length rows of # and .',
      JSON.stringify(bitmap),
    );
  }
  return bitmap.flatMap((row) =>
    Array.from({ length: row.length }, (_, column) => (row.charAt(column) === '#' ? 1 : -1)),
  );
}

/**
 * The RBF codes of digits 0..9: {@link DIGIT_BITMAPS} as ten vectors of 84 values in {-1, +1}.
 *
 * @see LeCun et al. 1998, Section II.B.
 */
export const DIGIT_CODES: readonly (readonly number[])[] = DIGIT_BITMAPS.map(bitmapToCode);

/**
 * Prints a code vector as a bitmap, `#` for positive and `.` for other values.
 *
 * @param code - The vector, row-major.
 * @param width - Columns per row. Default 7.
 */
export function formatCode(code: readonly number[], width = DIGIT_BITMAP_WIDTH): string {
  const rows: string[] = [];
  for (let start = 0; start < code.length; start += width) {
    rows.push(
      code
        .slice(start, start + width)
        .map((value) => (value > 0 ? '#' : '.'))
        .join(''),
    );
  }
  return rows.join('\n');
}
