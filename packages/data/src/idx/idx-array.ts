/** The element types an IDX file can hold, named after the typed arrays that carry them. */
export type IdxDtype = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/** The typed array that carries an IDX file's values. */
export type IdxData =
  Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/**
 * A decoded IDX file: its element type, its dimensions, and its values in row-major order.
 *
 * For MNIST images `shape` is `[count, 28, 28]` and `data` a `Uint8Array` of
 * `count * 784` pixels (0 = background, 255 = ink).
 */
export interface IdxArray {
  /** The element type from the header's type code. */
  dtype: IdxDtype;
  /** The dimensions from the header, outermost first. */
  shape: number[];
  /** The values, row-major; `uint8` and `int8` data are views over the decoded bytes. */
  data: IdxData;
}

/** What one IDX type code stands for. */
export interface IdxTypeInfo {
  /** The element type. */
  dtype: IdxDtype;
  /** Bytes per element. */
  bytes: number;
}

/** The IDX type codes (third byte of the magic number) and the element types they name. */
export const idxTypeCodes: ReadonlyMap<number, IdxTypeInfo> = new Map([
  [0x08, { dtype: 'uint8', bytes: 1 }],
  [0x09, { dtype: 'int8', bytes: 1 }],
  [0x0b, { dtype: 'int16', bytes: 2 }],
  [0x0c, { dtype: 'int32', bytes: 4 }],
  [0x0d, { dtype: 'float32', bytes: 4 }],
  [0x0e, { dtype: 'float64', bytes: 8 }],
]);
