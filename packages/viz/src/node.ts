/**
 * The Node entry of `@lenet/viz`: writes figures to PNG and SVG files. Everything else is
 * in the main entry `@lenet/viz`, which runs in any runtime.
 *
 * @packageDocumentation
 */
export { renderPng, writePng, writeSvg } from './node/write-figure.js';
