import type * as tf from '@tensorflow/tfjs';
import { C3_TABLE, DIGIT_CODES } from '@lenet/core';
import { activationsFigure, kernelsFigure, kernelsFromModel, rbfCodesFigure } from '@lenet/viz';
import type { Prediction } from '../predict/live-predictor.js';
import type { ModelKind } from '@lenet/models';
import { drawFigure } from './figure-canvas.js';

/** The canvases and containers of the "look inside" section that show the model, not the drawing. */
export interface InspectorElements {
  readonly kernels: HTMLCanvasElement;
  readonly codes: HTMLCanvasElement;
  readonly codesPanel: HTMLElement;
  readonly c3Table: HTMLTableElement;
  readonly c3Panel: HTMLElement;
}

/**
 * Draws every layer's output for the current drawing (C1, S2, C3, S4, C5, F6, output), the
 * output units named by `classNames`.
 */
export function showActivations(
  canvas: HTMLCanvasElement,
  prediction: Prediction,
  recipe: ModelKind,
  classNames: readonly string[],
): void {
  const output = recipe.output === 'rbf' ? 'penalties' : 'scores';
  drawFigure(
    canvas,
    activationsFigure({
      layers: prediction.layers,
      output,
      classNames,
      perRow: 16,
      title: 'Activations',
    }),
  );
}

/** Draws what does not change with the drawing: the learned kernels, the C3 table and the RBF codes. */
export function showModelFigures(
  elements: InspectorElements,
  model: tf.LayersModel,
  recipe: ModelKind,
): void {
  drawFigure(
    elements.kernels,
    kernelsFigure({
      layers: kernelsFromModel(model),
      maximumOutputs: 16,
      title: 'Learned kernels',
    }),
  );
  const hasTable = model.layers.some((layer) => layer.getClassName() === 'PartialConv2D');
  elements.c3Panel.hidden = !hasTable;
  if (hasTable && elements.c3Table.rows.length === 0) fillC3Table(elements.c3Table);
  elements.codesPanel.hidden = recipe.output !== 'rbf';
  if (recipe.output === 'rbf')
    drawFigure(
      elements.codes,
      rbfCodesFigure({ codes: DIGIT_CODES, title: 'RBF codes (7x12 bitmaps)' }),
    );
}

/** Fills the paper's Table I: which S2 maps (rows) feed each C3 map (columns). */
function fillC3Table(table: HTMLTableElement): void {
  const outputs = C3_TABLE[0]?.length ?? 0;
  const header = table.createTHead().insertRow();
  header.insertCell().outerHTML = '<th scope="col">S2 \\ C3</th>';
  for (let column = 0; column < outputs; column += 1)
    header.insertCell().outerHTML = `<th scope="col">${column}</th>`;
  const body = table.createTBody();
  C3_TABLE.forEach((row, input) => {
    const line = body.insertRow();
    line.insertCell().outerHTML = `<th scope="row">${input}</th>`;
    for (const entry of row) line.insertCell().textContent = entry !== 0 ? 'X' : '';
  });
}
