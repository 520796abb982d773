// How long each back end takes to draw LeNet-5-sized figures, with ratios to the SVG
// writer measured in the same run. Usage: pnpm bench
import { activationsOf, kernelsOf, lenet5Layers } from '../src/__fixtures__/lenet-shapes.js';
import {
  activationsFigure,
  architectureFigure,
  confusionMatrixFigure,
  kernelsFigure,
  renderSvg,
  terminalFeatureMap,
} from '../src/index.js';
import type { Scene } from '../src/index.js';
import { renderPng } from '../src/node.js';

function milliseconds(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let repeat = 0; repeat < 5; repeat += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((first, second) => first - second)[2] ?? Number.NaN;
}

const matrix = Array.from({ length: 10 }, (_, row) =>
  Array.from({ length: 10 }, (_, column) => (row === column ? 980 : (row * 3 + column) % 7)),
);
const scenes: [string, Scene][] = [
  ['architecture (LeNet-5)', architectureFigure({ layers: lenet5Layers })],
  ['activations (LeNet-5)', activationsFigure({ layers: activationsOf(lenet5Layers) })],
  ['kernels (C1, C3, C5)', kernelsFigure({ layers: kernelsOf(lenet5Layers) })],
  ['confusion matrix', confusionMatrixFigure({ matrix })],
];
const rows = scenes.map(([name, scene]) => {
  const svg = milliseconds(() => renderSvg(scene));
  const png = milliseconds(() => renderPng(scene));
  return [
    name,
    `${scene.width}x${scene.height}`,
    String(scene.shapes.length),
    svg.toFixed(1),
    png.toFixed(1),
    (png / svg).toFixed(1),
    (renderPng(scene).length / 1024).toFixed(1),
  ];
});
const map = new Float32Array(784).map((_, index) => Math.sin(index / 20));
rows.push([
  'terminal 28x28 map',
  '28x14 chars',
  '-',
  '-',
  milliseconds(() => terminalFeatureMap(map, 28, 28)).toFixed(2),
  '-',
  (terminalFeatureMap(map, 28, 28).length / 1024).toFixed(1),
]);
const header = ['figure', 'size', 'shapes', 'svg ms', 'png ms', 'png/svg', 'output KiB'];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
);
const line = (cells: readonly string[]) =>
  cells
    .map((cell, column) =>
      column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
    )
    .join('  ');
console.log(
  [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n'),
);
