import { symmetricDomain } from '../color/color-maps.js';
import type { Scene, Shape } from '../scene/scene.js';
import { mutedColor, textShape } from '../scene/shapes.js';
import { FigureInputError } from '../figure-input-error.js';
import { checkLength } from './check-input.js';
import { figureMargin, figureTitle, titleHeight } from './figure-title.js';
import { imageGrid } from './image-grid.js';
import type { GridTile } from './image-grid.js';

/** The kernel of one convolution layer, in the TensorFlow.js layout. */
export interface KernelLayer {
  /** Shown above the layer's grid, e.g. `C3`. */
  readonly name: string;
  /** The kernel's values, layout `[kernelHeight, kernelWidth, inputMaps, outputMaps]`. */
  readonly weights: ArrayLike<number>;
  readonly shape: readonly [number, number, number, number];
  /**
   * Which input map feeds which output map, `connections[input][output]` (the paper's
   * Table I for C3); kernels of absent connections are left empty. Default: all connected.
   */
  readonly connections?: readonly (readonly boolean[])[];
}

/** Input of {@link kernelsFigure}. */
export interface KernelsFigureInput {
  readonly layers: readonly KernelLayer[];
  /** Output maps drawn per layer at most (C5 has 120). Default 16. */
  readonly maximumOutputs?: number;
  /** Default `Learned kernels`. */
  readonly title?: string;
}

const labelWidth = 44;
const cellSize = 5;

/**
 * The learned kernels of each convolution: one row per input map, one column per output
 * map, blue negative, red positive, white zero (symmetric scale per layer). With a
 * connection table (C3) the missing connections stay empty, which draws the table.
 *
 * @throws {FigureInputError} When the weights do not match the shape or the table does not match the maps.
 * @see LeCun et al. 1998, Section II.B and Table I.
 * @example
 * ```ts
 * const scene = kernelsFigure({ layers: kernelsFromModel(model) });
 * ```
 */
export function kernelsFigure(input: KernelsFigureInput): Scene {
  const maximumOutputs = input.maximumOutputs ?? 16;
  const shapes: Shape[] = figureTitle(
    input.title ?? 'Learned kernels',
    'rows: input maps, columns: output maps; blue < 0 < red',
  );
  let y = figureMargin + titleHeight + 4;
  let width = 0;
  for (const [layerIndex, layer] of input.layers.entries()) {
    const [kernelHeight, kernelWidth, inputs, outputs] = layer.shape;
    checkLength(
      `layers[${layerIndex}].weights`,
      layer.weights,
      kernelHeight * kernelWidth * inputs * outputs,
      `shape [${layer.shape.join(', ')}]`,
    );
    checkTable(layer, layerIndex);
    const shown = Math.min(outputs, maximumOutputs);
    const note = shown < outputs ? `, first ${shown} of ${outputs} output maps` : '';
    shapes.push(
      textShape(
        figureMargin,
        y + 8,
        `${layer.name}: ${inputs}x${outputs} kernels of ${kernelHeight}x${kernelWidth}${note}`,
        { size: 12, bold: true },
      ),
    );
    const domain = symmetricDomain(layer.weights);
    const tiles: (GridTile | undefined)[] = [];
    for (let inputMap = 0; inputMap < inputs; inputMap += 1) {
      for (let outputMap = 0; outputMap < shown; outputMap += 1) {
        const connected = layer.connections?.[inputMap]?.[outputMap] ?? true;
        tiles.push(
          connected
            ? {
                values: kernelValues(layer, inputMap, outputMap),
                columns: kernelWidth,
                rows: kernelHeight,
                domain,
                colorMap: 'diverging',
              }
            : undefined,
        );
      }
    }
    const placement = {
      x: figureMargin + labelWidth,
      y: y + 34,
      cellSize,
      perRow: shown,
      gap: 4,
      captionHeight: 0,
    };
    const grid = imageGrid(tiles, placement);
    for (let outputMap = 0; outputMap < shown; outputMap += 1) {
      shapes.push(
        textShape(
          placement.x + outputMap * (kernelWidth * cellSize + 4) + (kernelWidth * cellSize) / 2,
          y + 26,
          String(outputMap),
          { size: 9, anchor: 'middle', color: mutedColor },
        ),
      );
    }
    for (let inputMap = 0; inputMap < inputs; inputMap += 1) {
      const rowY =
        placement.y + inputMap * (kernelHeight * cellSize + 4) + (kernelHeight * cellSize) / 2;
      shapes.push(
        textShape(placement.x - 8, rowY, String(inputMap), {
          size: 9,
          anchor: 'end',
          color: mutedColor,
        }),
      );
    }
    shapes.push(...grid.shapes);
    y += 34 + grid.height + 18;
    width = Math.max(width, labelWidth + grid.width);
  }
  return {
    width: Math.max(420, width + 2 * figureMargin),
    height: y + figureMargin - 18,
    background: '#ffffff',
    shapes,
  };
}

function kernelValues(layer: KernelLayer, inputMap: number, outputMap: number): number[] {
  const [kernelHeight, kernelWidth, inputs, outputs] = layer.shape;
  const values: number[] = [];
  for (let row = 0; row < kernelHeight; row += 1) {
    for (let column = 0; column < kernelWidth; column += 1) {
      values.push(
        layer.weights[((row * kernelWidth + column) * inputs + inputMap) * outputs + outputMap] ??
          0,
      );
    }
  }
  return values;
}

function checkTable(layer: KernelLayer, layerIndex: number): void {
  const [, , inputs, outputs] = layer.shape;
  const table = layer.connections;
  if (table === undefined) return;
  if (table.length !== inputs || table.some((row) => row.length !== outputs)) {
    throw new FigureInputError({
      field: `layers[${layerIndex}].connections`,
      expected: `${inputs} rows (input maps) of ${outputs} booleans (output maps)`,
      actual: `${table.length} rows of [${table.map((row) => row.length).join(', ')}]`,
    });
  }
}
