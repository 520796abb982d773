import { KNOWN_DATASETS } from '@lenet/data';
import { describe, expect, it } from 'vitest';
import { whatToDraw } from './what-to-draw.js';

describe('whatToDraw', () => {
  it('asks for what each known data set holds', () => {
    expect(KNOWN_DATASETS.map((descriptor) => `Draw ${whatToDraw(descriptor.name)}`)).toEqual([
      'Draw a digit',
      'Draw a piece of clothing',
      'Draw a hiragana character',
      'Draw a digit',
      'Draw an image of the training data',
    ]);
  });
});
