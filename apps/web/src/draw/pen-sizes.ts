/** A pen of the drawing pad: its name in the page and its line width as a share of the pad's side. */
export interface PenSize {
  /** `thin`, `medium` or `thick`, the pen menu's values. */
  readonly name: string;
  /** What the menu says. */
  readonly title: string;
  /** Line width over the pad's width. */
  readonly fraction: number;
}

/**
 * The pens the pad offers, medium (the default) first: a twelfth of the pad is about MNIST's
 * stroke once a digit drawn across most of the pad is scaled into its 20x20 box.
 */
export const PEN_SIZES: readonly PenSize[] = [
  { name: 'medium', title: 'Medium pen', fraction: 1 / 12 },
  { name: 'thin', title: 'Thin pen', fraction: 1 / 18 },
  { name: 'thick', title: 'Thick pen', fraction: 1 / 8 },
];

/** The pen called `name`; the default (medium) for other names. */
export function findPenSize(name: string): PenSize {
  return PEN_SIZES.find((pen) => pen.name === name) ?? (PEN_SIZES[0] as PenSize);
}
