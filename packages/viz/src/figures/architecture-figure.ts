import type { Scene, Shape } from '../scene/scene.js';
import { filledRect, mutedColor, outlinedRect, polyline, textShape } from '../scene/shapes.js';
import { FigureInputError } from '../figure-input-error.js';
import { figureMargin, figureTitle, titleHeight } from './figure-title.js';

/** What a layer does, as the architecture figure labels it. */
export type ArchitectureLayerKind =
  'input' | 'padding' | 'convolution' | 'subsampling' | 'full' | 'rbf';

/** One layer of a network as the architecture figure draws it. */
export interface ArchitectureLayer {
  /** E.g. `C1`. */
  readonly name: string;
  readonly kind: ArchitectureLayerKind;
  /** Feature maps (or units, for `full` and `rbf` layers). */
  readonly maps: number;
  /** Map height (1 for `full` and `rbf`). */
  readonly height: number;
  /** Map width (1 for `full` and `rbf`). */
  readonly width: number;
}

/** Input of {@link architectureFigure}. */
export interface ArchitectureFigureInput {
  readonly layers: readonly ArchitectureLayer[];
  /** Default `Architecture`. */
  readonly title?: string;
}

const operationLabel: Record<ArchitectureLayerKind, string> = {
  input: '',
  padding: 'padding',
  convolution: 'convolution',
  subsampling: 'subsampling',
  full: 'full',
  rbf: 'gaussian',
};
const gap = 74;
const stackOffset = 4;
const layerFill: Record<ArchitectureLayerKind, string> = {
  input: '#f0f0f0',
  padding: '#f0f0f0',
  convolution: '#cfe0f3',
  subsampling: '#d9ead3',
  full: '#fde0c5',
  rbf: '#f4cccc',
};

/**
 * The network drawn from its layers, as in Fig. 2 of the paper: each layer a stack of
 * maps sized to scale (or a column of units), with its name and `maps@height x width`,
 * and the operation between layers. Works for LeNet-1, LeNet-5 and any variant.
 *
 * @throws {FigureInputError} When there are no layers or a size is not a positive whole number.
 * @see LeCun et al. 1998, Section II.B and Fig. 2.
 * @example
 * ```ts
 * const scene = architectureFigure({ layers: layersFromModel(lenet5()) });
 * ```
 */
export function architectureFigure(input: ArchitectureFigureInput): Scene {
  checkLayers(input.layers);
  const drawings = input.layers.map(layerSize);
  const bodyHeight = Math.max(...drawings.map((size) => size.height));
  const top = figureMargin + titleHeight + 18;
  const middle = top + bodyHeight / 2;
  const shapes: Shape[] = figureTitle(
    input.title ?? 'Architecture',
    `${input.layers.length} layers, drawn to scale from the model`,
  );
  let x = figureMargin + 8;
  input.layers.forEach((layer, index) => {
    const size = drawings[index] ?? { width: 0, height: 0 };
    const column = Math.max(size.width, 64);
    const left = x + (column - size.width) / 2;
    shapes.push(...layerShapes(layer, left, middle - size.height / 2));
    shapes.push(
      textShape(x + column / 2, top + bodyHeight + 16, layer.name, {
        size: 12,
        anchor: 'middle',
        bold: true,
      }),
    );
    const caption = isVector(layer)
      ? `${layer.maps}`
      : `${layer.maps}@${layer.height}x${layer.width}`;
    shapes.push(
      textShape(x + column / 2, top + bodyHeight + 32, caption, {
        size: 11,
        anchor: 'middle',
        color: mutedColor,
      }),
    );
    const next = input.layers[index + 1];
    if (next !== undefined) {
      const arrowStart = x + column + 8;
      const arrowEnd = x + column + gap - 8;
      shapes.push(polyline([arrowStart, middle, arrowEnd, middle], mutedColor, 1.5));
      shapes.push(
        polyline(
          [arrowEnd - 6, middle - 4, arrowEnd, middle, arrowEnd - 6, middle + 4],
          mutedColor,
          1.5,
        ),
      );
      shapes.push(
        textShape((arrowStart + arrowEnd) / 2, middle - 12, operationLabel[next.kind], {
          size: 10,
          anchor: 'middle',
          color: mutedColor,
        }),
      );
    }
    x += column + gap;
  });
  return {
    width: x - gap + figureMargin + 8,
    height: top + bodyHeight + 40 + figureMargin,
    background: '#ffffff',
    shapes,
  };
}

// Maps drawn to scale (2.5 px per pixel, within 8..84 px); vectors as a column of units.
function mapSide(layer: ArchitectureLayer): number {
  return Math.min(84, Math.max(8, Math.max(layer.height, layer.width) * 2.5));
}

function isVector(layer: ArchitectureLayer): boolean {
  return layer.height * layer.width === 1;
}

function layerSize(layer: ArchitectureLayer): { width: number; height: number } {
  if (isVector(layer)) return { width: 14, height: Math.min(150, Math.max(24, layer.maps)) };
  const stacked = mapSide(layer) + (Math.min(layer.maps, 6) - 1) * stackOffset;
  return { width: stacked, height: stacked };
}

function layerShapes(layer: ArchitectureLayer, left: number, top: number): Shape[] {
  const fill = layerFill[layer.kind];
  if (isVector(layer)) {
    const size = layerSize(layer);
    return [
      filledRect(left, top, size.width, size.height, fill),
      outlinedRect(left, top, size.width, size.height, '#555555'),
    ];
  }
  const side = mapSide(layer);
  const copies = Math.min(layer.maps, 6);
  const shapes: Shape[] = [];
  for (let copy = copies - 1; copy >= 0; copy -= 1) {
    const x = left + copy * stackOffset;
    const y = top + (copies - 1 - copy) * stackOffset;
    shapes.push(filledRect(x, y, side, side, fill), outlinedRect(x, y, side, side, '#555555'));
  }
  return shapes;
}

function checkLayers(layers: readonly ArchitectureLayer[]): void {
  if (layers.length === 0)
    throw new FigureInputError({ field: 'layers', expected: 'at least one layer', actual: 'none' });
  layers.forEach((layer, index) => {
    for (const [key, value] of [
      ['maps', layer.maps],
      ['height', layer.height],
      ['width', layer.width],
    ] as const) {
      if (!Number.isInteger(value) || value < 1) {
        throw new FigureInputError({
          field: `layers[${index}].${key}`,
          expected: 'a whole number >= 1',
          actual: String(value),
        });
      }
    }
  });
}
