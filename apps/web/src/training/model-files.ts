/** Bytes per value of the dtypes tfjs writes weights in (quantised ones by their stored dtype). */
const bytesPerValue: Readonly<Record<string, number>> = {
  float32: 4,
  int32: 4,
  uint16: 2,
  float16: 2,
  uint8: 1,
  bool: 1,
};

interface ManifestWeight {
  readonly name?: unknown;
  readonly shape?: unknown;
  readonly dtype?: unknown;
  readonly quantization?: { readonly dtype?: unknown };
}

function weightBytes(weight: ManifestWeight): number {
  const shape = Array.isArray(weight.shape) ? (weight.shape as unknown[]) : [];
  const values = shape.reduce<number>((product, size) => product * Number(size), 1);
  const dtype = weight.quantization?.dtype ?? weight.dtype;
  return values * (bytesPerValue[typeof dtype === 'string' ? dtype : 'float32'] ?? 4);
}

/**
 * Checks that a picked `model.json` and weights file belong together before tfjs reads them:
 * the model.json parses and lists its weights (`weightsManifest`), and the weights files hold
 * exactly the bytes those weights take (tfjs would take a longer file, such as another model's
 * `weights.bin`, without a word).
 *
 * @param json - The picked `model.json`.
 * @param weights - The picked weights files.
 * @throws {Error} Saying which file does not fit and what to pick instead.
 */
export async function checkModelFiles(json: File, weights: readonly File[]): Promise<void> {
  let manifest: unknown;
  try {
    manifest = (JSON.parse(await json.text()) as { weightsManifest?: unknown }).weightsManifest;
  } catch {
    throw new Error(
      `${json.name} is not JSON: choose the model.json written by lenet train or this page.`,
    );
  }
  if (!Array.isArray(manifest))
    throw new Error(
      `${json.name} lists no weights (no weightsManifest): choose the model.json written by lenet train or this page.`,
    );
  const expected = (manifest as { weights?: ManifestWeight[] }[])
    .flatMap((group) => group.weights ?? [])
    .reduce((total, weight) => total + weightBytes(weight), 0);
  const actual = weights.reduce((total, file) => total + file.size, 0);
  if (actual !== expected)
    throw new Error(
      `${json.name} and ${weights.map((file) => file.name).join(' + ')} do not belong together: the model's weights take ${expected.toLocaleString('en-US')} bytes, the file holds ${actual.toLocaleString('en-US')}. Choose the weights file saved with this model.json.`,
    );
}
