/** The index of the first value of `values` that is NaN, Infinity or -Infinity; -1 when all are finite. */
export function firstNonFinite(values: Float32Array): number {
  for (let index = 0; index < values.length; index += 1)
    if (!Number.isFinite(values[index])) return index;
  return -1;
}
