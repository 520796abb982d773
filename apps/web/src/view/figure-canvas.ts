import { drawToCanvas, type ImageShape, type Scene, type Shape } from '@lenet/viz';

/** A figure's title and subtitle (its first two texts), as its canvas's accessible name. */
function captionOf(scene: Scene): string {
  return scene.shapes
    .flatMap((shape) => (shape.kind === 'text' ? [shape.text] : []))
    .slice(0, 2)
    .join(': ');
}

/**
 * Draws a @lenet/viz scene into `canvas` at its natural size (a narrow screen scrolls its
 * `.figure` box rather than shrinking the labels), sharp on high-density screens, shows the
 * canvas and names it by the figure's title and subtitle. Image shapes (feature maps) are
 * copied in as pixel blocks rather than one rectangle per cell, so a LeNet-5 activations
 * figure (about 7,000 cells) draws in a millisecond or two; everything else goes through
 * `drawToCanvas`.
 */
export function drawFigure(canvas: HTMLCanvasElement, scene: Scene): void {
  canvas.hidden = false;
  canvas.setAttribute('aria-label', captionOf(scene));
  const density = Math.min(2, window.devicePixelRatio || 1);
  const width = Math.ceil(scene.width * density);
  const height = Math.ceil(scene.height * density);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
    canvas.style.aspectRatio = `${scene.width} / ${scene.height}`;
    canvas.style.width = `${scene.width}px`;
  }
  const context = canvas.getContext('2d');
  if (context === null) return;
  context.setTransform(density, 0, 0, density, 0, 0);
  drawToCanvas({ ...scene, shapes: [] }, context);
  let run: Shape[] = [];
  const flush = () => {
    if (run.length > 0)
      drawToCanvas(
        { width: scene.width, height: scene.height, background: 'rgba(0,0,0,0)', shapes: run },
        context,
      );
    run = [];
  };
  for (const shape of scene.shapes) {
    if (shape.kind !== 'image') {
      run.push(shape);
      continue;
    }
    flush();
    drawPixels(context, shape);
  }
  flush();
}

let scratch: HTMLCanvasElement | undefined;

function drawPixels(context: CanvasRenderingContext2D, shape: ImageShape): void {
  scratch ??= document.createElement('canvas');
  scratch.width = shape.columns;
  scratch.height = shape.rows;
  const scratchContext = scratch.getContext('2d');
  if (scratchContext === null) return;
  const image = scratchContext.createImageData(shape.columns, shape.rows);
  for (let cell = 0; cell < shape.columns * shape.rows; cell += 1) {
    image.data[cell * 4] = shape.pixels[cell * 3] ?? 0;
    image.data[cell * 4 + 1] = shape.pixels[cell * 3 + 1] ?? 0;
    image.data[cell * 4 + 2] = shape.pixels[cell * 3 + 2] ?? 0;
    image.data[cell * 4 + 3] = 255;
  }
  scratchContext.putImageData(image, 0, 0);
  context.imageSmoothingEnabled = false;
  context.drawImage(
    scratch,
    0,
    0,
    shape.columns,
    shape.rows,
    shape.x,
    shape.y,
    shape.width,
    shape.height,
  );
}

/** Draws a grayscale picture (`values` row-major, `low` white, `high` black) pixel for pixel, and shows the canvas. */
export function drawGray(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  size: number,
  low: number,
  high: number,
): void {
  canvas.hidden = false;
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (context === null) return;
  const image = context.createImageData(size, size);
  for (let index = 0; index < size * size; index += 1) {
    const level = Math.round(
      255 * (1 - Math.min(1, Math.max(0, ((values[index] ?? low) - low) / (high - low)))),
    );
    image.data.set([level, level, level, 255], index * 4);
  }
  context.putImageData(image, 0, 0);
}
