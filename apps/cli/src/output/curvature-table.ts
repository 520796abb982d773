import type { CurvatureSummary } from '@lenet/core';
import { formatTable } from './format-table.js';

const number = (value: number) => value.toExponential(2);

/**
 * The per-layer SDLM diagnostic printed before each pass: h_kk and the effective learning
 * rates `eta / (mu + h_kk)` (min / median / max over the layer's weights).
 */
export function formatCurvatureTable(pass: number, summary: CurvatureSummary): string {
  const rows = summary.layers.map((layer) => [
    layer.layer,
    String(layer.weights),
    number(layer.curvature.min),
    number(layer.curvature.median),
    number(layer.curvature.max),
    number(layer.rate.min),
    number(layer.rate.median),
    number(layer.rate.max),
  ]);
  const title = `pass ${String(pass)}: curvature h_kk on ${String(summary.patterns)} patterns and the step sizes eta / (mu + h_kk), eta ${String(summary.eta)}, mu ${String(summary.mu)}`;
  return `${title}\n${formatTable(['layer', 'weights', 'h min', 'h median', 'h max', 'rate min', 'rate median', 'rate max'], rows)}\n`;
}
