import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkModelFiles } from './model-files.js';

const shipped = (model: string, file: string) => {
  const path = new URL(`../../public/models/${model}/${file}`, import.meta.url);
  return new File([readFileSync(path)], file);
};

describe('checkModelFiles', () => {
  it('takes a model.json with its own weights.bin', async () => {
    await expect(
      checkModelFiles(shipped('lenet1', 'model.json'), [shipped('lenet1', 'weights.bin')]),
    ).resolves.toBeUndefined();
  });

  it("refuses LeNet-1's model.json with LeNet-5's weights.bin, saying what each holds", async () => {
    await expect(
      checkModelFiles(shipped('lenet1', 'model.json'), [shipped('lenet5', 'weights.bin')]),
    ).rejects.toThrow(
      /^model\.json and weights\.bin do not belong together: the model's weights take [\d,]+ bytes, the file holds [\d,]+\. Choose the weights file saved with this model\.json\.$/,
    );
  });

  it('refuses a model.json that is not JSON', async () => {
    await expect(
      checkModelFiles(new File(['{ not json'], 'model.json'), [shipped('lenet1', 'weights.bin')]),
    ).rejects.toThrow('model.json is not JSON');
  });
});
