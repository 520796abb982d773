/** A stroke: points in the pad's unit square (0,0 top left, 1,1 bottom right). */
export type Stroke = readonly (readonly [number, number])[];

function curve(steps: number, point: (t: number) => readonly [number, number]): Stroke {
  return Array.from({ length: steps + 1 }, (_, index) => point(index / steps));
}

const turn = 2 * Math.PI;

/**
 * One handwritten-style way of drawing each digit, as pen strokes recorded in the unit
 * square: what a person drawing on the pad produces (one or two strokes per digit).
 */
export const DIGIT_STROKES: readonly (readonly Stroke[])[] = [
  [
    curve(40, (t) => [
      0.5 - 0.24 * Math.sin(turn * t * 1.05),
      0.15 + 0.35 * (1 - Math.cos(turn * t * 1.05)),
    ]),
  ],
  [
    [
      [0.54, 0.14],
      [0.52, 0.4],
      [0.49, 0.65],
      [0.47, 0.87],
    ],
  ],
  [
    [
      [0.3, 0.3],
      [0.36, 0.18],
      [0.5, 0.14],
      [0.64, 0.19],
      [0.69, 0.31],
      [0.64, 0.45],
      [0.46, 0.64],
      [0.3, 0.82],
      [0.5, 0.83],
      [0.74, 0.82],
    ],
  ],
  [
    [
      [0.3, 0.2],
      [0.5, 0.13],
      [0.67, 0.2],
      [0.68, 0.34],
      [0.48, 0.47],
      [0.68, 0.57],
      [0.7, 0.74],
      [0.52, 0.86],
      [0.3, 0.8],
    ],
  ],
  [
    [
      [0.34, 0.14],
      [0.31, 0.35],
      [0.3, 0.56],
      [0.5, 0.56],
      [0.74, 0.55],
    ],
    [
      [0.66, 0.15],
      [0.66, 0.5],
      [0.66, 0.88],
    ],
  ],
  [
    [
      [0.36, 0.16],
      [0.34, 0.46],
      [0.52, 0.41],
      [0.68, 0.5],
      [0.7, 0.68],
      [0.56, 0.84],
      [0.3, 0.8],
    ],
    [
      [0.36, 0.16],
      [0.7, 0.15],
    ],
  ],
  [
    [
      [0.64, 0.12],
      [0.46, 0.3],
      [0.34, 0.55],
      [0.35, 0.78],
      [0.5, 0.87],
      [0.64, 0.78],
      [0.66, 0.61],
      [0.51, 0.52],
      [0.35, 0.62],
    ],
  ],
  [
    [
      [0.28, 0.18],
      [0.5, 0.18],
      [0.72, 0.18],
      [0.58, 0.45],
      [0.47, 0.68],
      [0.42, 0.87],
    ],
  ],
  [
    curve(60, (t) => [
      0.5 + 0.2 * Math.sin(2 * turn * t + 0.3),
      0.5 + 0.35 * Math.cos(turn * t + 0.15),
    ]),
  ],
  [
    [
      ...curve(36, (t) => [0.5 + 0.17 * Math.cos(-turn * t), 0.33 + 0.17 * Math.sin(-turn * t)]),
      [0.66, 0.6],
      [0.63, 0.88],
    ],
  ],
];
