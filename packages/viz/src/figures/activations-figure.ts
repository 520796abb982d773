import { colorizeValues, valueDomain } from '../color/color-maps.js';
import type { ColorMapName, Domain } from '../color/color-maps.js';
import type { Scene, Shape } from '../scene/scene.js';
import { imageShape, mutedColor, outlinedRect, textShape } from '../scene/shapes.js';
import { textExtent } from '../text/text-columns.js';
import { layerMaps, mapValues } from './activation-layer.js';
import type { ActivationLayer, LayerMaps } from './activation-layer.js';
import { classNamesFor } from './class-names.js';
import { figureMargin, figureTitle, titleHeight } from './figure-title.js';
import { imageGrid } from './image-grid.js';

/** Input of {@link activationsFigure}. */
export interface ActivationsFigureInput {
  /** Every layer's output for one input, in order (the input image may come first). */
  readonly layers: readonly ActivationLayer[];
  /**
   * What the last layer holds: `penalties` (RBF distances, smallest wins, as LeNet-5's
   * output), `scores` (largest wins), or `none` to draw it like the others. Default `penalties`.
   */
  readonly output?: 'penalties' | 'scores' | 'none';
  /**
   * The name of each output unit's class, one per unit, written above its value (e.g. the
   * `classNames` of a `@lenet/data` dataset); the units widen to hold a long name. The PNG's
   * bitmap font draws printable ASCII only: `お (o)` is drawn there as its romanisation
   * `(o)`, and in full in SVG and on a canvas. Default `0`, `1`, ... Unused with `output: 'none'`.
   */
  readonly classNames?: readonly string[];
  /** Colour map of the maps. Default `greys` (the paper's grey levels; white is low). */
  readonly colorMap?: ColorMapName;
  /** Maps per row before wrapping. Default 8. */
  readonly perRow?: number;
  /** Default `Activations`. */
  readonly title?: string;
}

const labelWidth = 96;
const tileSize = 56;
const vectorWidth = 560;

/**
 * Every layer's maps for one input, as in Fig. 13 of the paper: one row per layer, each
 * map scaled to about the same size, grey levels scaled per layer, then the output units
 * with their values and the winner outlined.
 *
 * @throws {FigureInputError} When a layer's values do not match its shape, or `classNames` does not name each output unit.
 * @see LeCun et al. 1998, Fig. 13.
 * @example
 * ```ts
 * const scene = activationsFigure({ layers: [{ name: 'C1', shape: [28, 28, 6], values }, ...] });
 * ```
 */
export function activationsFigure(input: ActivationsFigureInput): Scene {
  const output = input.output ?? 'penalties';
  const colorMap = input.colorMap ?? 'greys';
  const shapes: Shape[] = figureTitle(
    input.title ?? 'Activations',
    'every layer for one input; grey levels scaled per layer',
  );
  let y = figureMargin + titleHeight + 4;
  let width = 0;
  input.layers.forEach((layer, index) => {
    const layout = layerMaps(layer, `layers[${index}]`);
    const domain = valueDomain(layer.values);
    const isOutput = output !== 'none' && index === input.layers.length - 1;
    const drawn = isOutput
      ? outputRow(layer, domain, colorMap, output === 'penalties', input.classNames, y)
      : layout.vector
        ? vectorRow(layer, domain, colorMap, y)
        : mapsRow(layer, layout, domain, colorMap, y, input.perRow ?? 8);
    shapes.push(
      textShape(figureMargin, y + drawn.height / 2 - 7, layer.name, { size: 13, bold: true }),
    );
    const size = layout.vector
      ? `${layout.maps}`
      : `${layout.maps}@${layout.height}x${layout.width}`;
    shapes.push(
      textShape(figureMargin, y + drawn.height / 2 + 8, size, { size: 11, color: mutedColor }),
    );
    shapes.push(...drawn.shapes);
    y += drawn.height + 14;
    width = Math.max(width, drawn.width);
  });
  return {
    width: figureMargin * 2 + labelWidth + width,
    height: y + figureMargin - 14,
    background: '#ffffff',
    shapes,
  };
}

interface Row {
  readonly shapes: Shape[];
  readonly width: number;
  readonly height: number;
}

function mapsRow(
  layer: ActivationLayer,
  layout: LayerMaps,
  domain: Domain,
  colorMap: ColorMapName,
  y: number,
  perRow: number,
): Row {
  const tiles = Array.from({ length: layout.maps }, (_, map) => ({
    values: mapValues(layer.values, layout, map),
    columns: layout.width,
    rows: layout.height,
    domain,
    colorMap,
  }));
  const cellSize = Math.max(1, Math.round(tileSize / Math.max(layout.height, layout.width)));
  return imageGrid(tiles, {
    x: figureMargin + labelWidth,
    y,
    cellSize,
    perRow,
    gap: 6,
    captionHeight: 0,
  });
}

function vectorRow(layer: ActivationLayer, domain: Domain, colorMap: ColorMapName, y: number): Row {
  const units = layer.values.length;
  const cell = Math.max(2, Math.min(14, Math.floor(vectorWidth / units)));
  const box = { x: figureMargin + labelWidth, y, width: cell * units, height: 14 };
  return {
    shapes: [
      imageShape(box, units, 1, colorizeValues(layer.values, domain, colorMap)),
      outlinedRect(box.x - 1, y - 1, box.width + 2, 16, '#cccccc'),
    ],
    width: box.width,
    height: 30,
  };
}

function outputRow(
  layer: ActivationLayer,
  domain: Domain,
  colorMap: ColorMapName,
  smallestWins: boolean,
  classNames: readonly string[] | undefined,
  y: number,
): Row {
  const values = Array.from(layer.values);
  const names = classNamesFor(classNames, values.length, `the ${values.length} output units`);
  const winner = values.indexOf(smallestWins ? Math.min(...values) : Math.max(...values));
  const cell = Math.max(44, ...names.map((name) => Math.ceil(textExtent(name, 12)) + 4));
  const shapes: Shape[] = [];
  values.forEach((value, unit) => {
    const x = figureMargin + labelWidth + unit * (cell + 4);
    shapes.push(
      textShape(x + cell / 2, y + 6, names[unit] ?? '', {
        size: 12,
        anchor: 'middle',
        bold: unit === winner,
      }),
    );
    shapes.push(
      imageShape(
        { x, y: y + 14, width: cell, height: 18 },
        1,
        1,
        colorizeValues([value], domain, colorMap),
      ),
    );
    shapes.push(
      outlinedRect(
        x - 1,
        y + 13,
        cell + 2,
        20,
        unit === winner ? '#d95f02' : '#cccccc',
        unit === winner ? 2 : 1,
      ),
    );
    shapes.push(
      textShape(x + cell / 2, y + 42, formatValue(value), {
        size: 10,
        anchor: 'middle',
        color: unit === winner ? '#d95f02' : mutedColor,
      }),
    );
  });
  const legend = smallestWins ? 'penalty (smallest wins)' : 'score (largest wins)';
  shapes.push(
    textShape(figureMargin + labelWidth, y + 58, legend, { size: 10, color: mutedColor }),
  );
  return { shapes, width: values.length * (cell + 4), height: 64 };
}

function formatValue(value: number): string {
  return Math.abs(value) >= 100
    ? value.toFixed(0)
    : Math.abs(value) >= 10
      ? value.toFixed(1)
      : value.toFixed(2);
}
