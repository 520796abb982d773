import { describe, expect, it } from 'vitest';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import { placeCodes } from './place-codes.js';

describe('placeCodes', () => {
  it('puts +1 at the class and -1 at every other unit', () => {
    const codes = placeCodes(10);
    expect(codes).toHaveLength(10);
    codes.forEach((code, digit) => {
      expect(code).toHaveLength(10);
      expect(code.filter((value) => value === 1)).toHaveLength(1);
      expect(code[digit]).toBe(1);
      expect(code.filter((value) => value === -1)).toHaveLength(9);
    });
    expect(placeCodes(3)).toEqual([
      [1, -1, -1],
      [-1, 1, -1],
      [-1, -1, 1],
    ]);
  });

  it('asks for at least two classes', () => {
    expect(() => placeCodes(1)).toThrow(LayerArgumentError);
    expect(() => placeCodes(2.5)).toThrow(/integer >= 2/);
  });
});
