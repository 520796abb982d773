// @lenet/viz from its npm tarball under plain Node ESM: a figure as PNG and SVG files and a
// terminal preview, without TensorFlow.js. Prints one JSON line for tests/install.test.ts.
/* global console */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  comparisonChartFigure,
  confusionMatrixFigure,
  overallError,
  renderSvg,
  terminalConfusionMatrix,
} from '@lenet/viz';
import { writePng, writeSvg } from '@lenet/viz/node';

const matrix = [
  [97, 1, 2],
  [3, 90, 7],
  [0, 4, 96],
];
const folder = await mkdtemp(join(tmpdir(), 'lenet-viz-'));
const scene = confusionMatrixFigure({ matrix, classNames: ['0', '1', '2'] });
await writePng(scene, join(folder, 'confusion.png'), { scale: 2 });
await writeSvg(
  comparisonChartFigure({ entries: [{ label: 'my LeNet-5', errorRate: 0.0112 }] }),
  join(folder, 'comparison.svg'),
);
const png = await readFile(join(folder, 'confusion.png'));
const svg = await readFile(join(folder, 'comparison.svg'), 'utf8');

console.log(
  JSON.stringify({
    sceneSize: [scene.width, scene.height],
    pngSignature: [...png.subarray(0, 8)],
    pngWidth: png.readUInt32BE(16),
    svgStart: svg.slice(0, 4),
    svgMentionsEntry: svg.includes('my LeNet-5'),
    svgInMemory: renderSvg(scene).length > 0,
    error: overallError(matrix),
    terminalLines: terminalConfusionMatrix(matrix, { color: false }).split('\n').length,
  }),
);
