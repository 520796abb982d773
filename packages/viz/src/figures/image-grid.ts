import { colorizeValues } from '../color/color-maps.js';
import type { ColorMapName, Domain } from '../color/color-maps.js';
import type { Shape } from '../scene/scene.js';
import { filledRect, imageShape, mutedColor, outlinedRect, textShape } from '../scene/shapes.js';
import { textExtent } from '../text/text-columns.js';

/** One tile of an image grid: a `columns x rows` array of values coloured through a map. */
export interface GridTile {
  /** Row-major values, `columns * rows` of them. */
  readonly values: ArrayLike<number>;
  readonly columns: number;
  readonly rows: number;
  readonly domain: Domain;
  readonly colorMap: ColorMapName;
  /** Short lines of text drawn above the tile, sharing the placement's `captionHeight`. */
  readonly captionLines?: readonly string[];
  /** Caption colour. Default muted grey. */
  readonly captionColor?: string;
}

/** Where and how big the tiles of a grid are drawn. */
export interface GridPlacement {
  readonly x: number;
  readonly y: number;
  /** Pixels per value cell. */
  readonly cellSize: number;
  /** Tiles per grid row before wrapping. */
  readonly perRow: number;
  /** Space between tiles. */
  readonly gap: number;
  /** Height reserved above each tile for its caption; 0 when tiles have none. */
  readonly captionHeight: number;
  /**
   * The least width of each tile's slot, e.g. to line up the columns of grids whose tiles
   * differ in size. Default: the tile width.
   */
  readonly slotWidth?: number;
}

/** The shapes of a grid and the size it takes. */
export interface GridResult {
  readonly shapes: Shape[];
  readonly width: number;
  readonly height: number;
}

const captionSize = 11;

/** The width the widest of these caption lines takes above a tile, in whole pixels (0 for none). */
export function captionWidth(lines: readonly string[]): number {
  return Math.ceil(
    lines.reduce((widest, line) => Math.max(widest, textExtent(line, captionSize)), 0),
  );
}

/**
 * Lays tiles out left to right, wrapping after `perRow`, each framed by a thin outline;
 * `undefined` tiles leave a light empty slot (e.g. a connection that does not exist).
 * Every tile of one grid has the size of the first; every slot is as wide as the widest
 * caption line (or `slotWidth`) when that is wider, the tile centred in it.
 */
export function imageGrid(
  tiles: readonly (GridTile | undefined)[],
  placement: GridPlacement,
): GridResult {
  const shapes: Shape[] = [];
  const first = tiles.find((tile) => tile !== undefined);
  const tileWidth = (first?.columns ?? 1) * placement.cellSize;
  const tileHeight = (first?.rows ?? 1) * placement.cellSize;
  const slotWidth = Math.max(
    tileWidth,
    placement.slotWidth ?? 0,
    captionWidth(tiles.flatMap((tile) => tile?.captionLines ?? [])),
  );
  const slotHeight = placement.captionHeight + tileHeight + placement.gap;
  tiles.forEach((tile, index) => {
    const x =
      placement.x +
      (index % placement.perRow) * (slotWidth + placement.gap) +
      (slotWidth - tileWidth) / 2;
    const y =
      placement.y + Math.floor(index / placement.perRow) * slotHeight + placement.captionHeight;
    if (tile === undefined) {
      shapes.push(filledRect(x, y, tileWidth, tileHeight, '#f2f2f2'));
      return;
    }
    const box = {
      x,
      y,
      width: tile.columns * placement.cellSize,
      height: tile.rows * placement.cellSize,
    };
    shapes.push(
      imageShape(
        box,
        tile.columns,
        tile.rows,
        colorizeValues(tile.values, tile.domain, tile.colorMap),
      ),
    );
    shapes.push(outlinedRect(x - 1, y - 1, box.width + 2, box.height + 2, '#cccccc'));
    const lines = tile.captionLines ?? [];
    lines.forEach((line, lineIndex) => {
      const lineY =
        y - placement.captionHeight + ((lineIndex + 0.5) * placement.captionHeight) / lines.length;
      shapes.push(
        textShape(x + box.width / 2, lineY, line, {
          size: captionSize,
          anchor: 'middle',
          color: tile.captionColor ?? mutedColor,
        }),
      );
    });
  });
  const gridRows = Math.ceil(tiles.length / placement.perRow);
  const gridColumns = Math.min(tiles.length, placement.perRow);
  return {
    shapes,
    width: Math.max(0, gridColumns * (slotWidth + placement.gap) - placement.gap),
    height: Math.max(0, gridRows * slotHeight - placement.gap),
  };
}
