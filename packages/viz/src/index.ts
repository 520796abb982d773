/**
 * `@lenet/viz`: the figures of LeCun et al. 1998 for your own models, as plain scenes
 * rendered to PNG (pure JavaScript), SVG or an HTML canvas, plus terminal previews. This
 * entry imports nothing from Node; file writing lives in `@lenet/viz/node`.
 *
 * @packageDocumentation
 */
export type {
  CircleShape,
  ImageShape,
  LineShape,
  RectShape,
  Scene,
  Shape,
  TextAnchor,
  TextShape,
} from './scene/scene.js';
export {
  filledRect,
  imageShape,
  outlinedRect,
  polyline,
  textShape,
  textWidth,
} from './scene/shapes.js';
export type { TextStyle } from './scene/shapes.js';
export { FigureInputError } from './figure-input-error.js';
export type { FigureInputErrorDetails } from './figure-input-error.js';

export {
  colorMapHex,
  colorMapRgb,
  colorizeValues,
  symmetricDomain,
  valueDomain,
} from './color/color-maps.js';
export type { ColorMapName, Domain } from './color/color-maps.js';
export { parseHexColor, rgbToHex } from './color/rgb.js';
export type { Rgb } from './color/rgb.js';

export { renderRaster } from './raster/render-raster.js';
export type { RenderRasterOptions } from './raster/render-raster.js';
export { pixelAt } from './raster/rgba-image.js';
export type { RgbaImage } from './raster/rgba-image.js';
export { encodePng } from './png/encode-png.js';
export type { EncodePngOptions, ZlibCompress } from './png/encode-png.js';
export { renderSvg } from './svg/render-svg.js';
export { drawToCanvas } from './canvas/draw-to-canvas.js';
export type { CanvasTarget } from './canvas/draw-to-canvas.js';

export { architectureFigure } from './figures/architecture-figure.js';
export type {
  ArchitectureFigureInput,
  ArchitectureLayer,
  ArchitectureLayerKind,
} from './figures/architecture-figure.js';
export { activationSources, layersFromModel } from './figures/layers-from-model.js';
export type { ActivationSource, ModelLayerLike, ModelLike } from './figures/layers-from-model.js';
export { rbfCodesFigure } from './figures/rbf-codes-figure.js';
export type { RbfCodesFigureInput } from './figures/rbf-codes-figure.js';
export { learningCurvesFigure } from './figures/learning-curves-figure.js';
export type {
  LearningCurvePoint,
  LearningCurvesFigureInput,
} from './figures/learning-curves-figure.js';
export { parseTrainingLog } from './figures/training-log.js';
export { misclassifiedGalleryFigure } from './figures/misclassified-gallery-figure.js';
export type { MisclassifiedGalleryFigureInput } from './figures/misclassified-gallery-figure.js';
export { comparisonChartFigure } from './figures/comparison-chart-figure.js';
export type { ComparisonChartFigureInput } from './figures/comparison-chart-figure.js';
export { paperErrorRates } from './figures/paper-error-rates.js';
export type { ErrorRateEntry } from './figures/paper-error-rates.js';
export { activationsFigure } from './figures/activations-figure.js';
export type { ActivationsFigureInput } from './figures/activations-figure.js';
export type { ActivationLayer } from './figures/activation-layer.js';
export { kernelsFigure } from './figures/kernels-figure.js';
export type { KernelLayer, KernelsFigureInput } from './figures/kernels-figure.js';
export { kernelsFromModel } from './figures/kernels-from-model.js';
export type { ConvolutionLayerLike, TensorLike } from './figures/kernels-from-model.js';
export { confusionMatrixFigure, countShade } from './figures/confusion-matrix-figure.js';
export type { ConfusionMatrixFigureInput } from './figures/confusion-matrix-figure.js';
export { overallError, perClassError } from './figures/confusion-statistics.js';
export type { ConfusionMatrixInput } from './figures/confusion-statistics.js';
export { digitsFigure } from './figures/digits-figure.js';
export type { DigitsFigureInput, DigitsRow } from './figures/digits-figure.js';

export { terminalDigit, terminalFeatureMap } from './terminal/terminal-feature-map.js';
export type { TerminalImageOptions } from './terminal/terminal-feature-map.js';
export { terminalConfusionMatrix } from './terminal/terminal-confusion-matrix.js';
export type { TerminalConfusionMatrixOptions } from './terminal/terminal-confusion-matrix.js';
