import { describe, expect, it } from 'vitest';
import { FigureInputError } from '../figure-input-error.js';
import { terminalDigit, terminalFeatureMap } from './terminal-feature-map.js';

describe('terminalDigit', () => {
  it('prints two pixel rows per line with shades for ink, without colour', () => {
    const image = [0, 255, 255, 0, 0, 255, 128, 0, 0, 255, 0, 0];
    expect(terminalDigit(image, 4, 3, { color: false })).toBe([' █▓ ', ' █  '].join('\n'));
  });

  it('prints upper half blocks with the top pixel as foreground and the bottom as background, in colour', () => {
    const preview = terminalDigit([0, 255], 1, 2, { color: true });
    expect(preview).toBe('\u001b[38;2;255;255;255m\u001b[48;2;0;0;0m▀\u001b[0m');
  });

  it('repeats no colour escape between cells of the same colours, and ends an odd last row on the default background', () => {
    const preview = terminalDigit([0, 0, 0, 255, 255, 255, 0, 255, 0], 3, 3, { color: true });
    const [first, second] = preview.split('\n');
    expect(first).toBe('\u001b[38;2;255;255;255m\u001b[48;2;0;0;0m▀▀▀\u001b[0m');
    expect(second).toBe(
      '\u001b[0m\u001b[38;2;255;255;255m▀\u001b[0m\u001b[38;2;0;0;0m▀\u001b[0m\u001b[38;2;255;255;255m▀\u001b[0m',
    );
  });
});

describe('terminalFeatureMap', () => {
  it('scales a map to its own range through viridis by default', () => {
    const preview = terminalFeatureMap([-1, 3], 2, 1, { color: true });
    expect(preview).toBe(
      '\u001b[0m\u001b[38;2;68;1;84m▀\u001b[0m\u001b[38;2;253;231;37m▀\u001b[0m',
    );
  });

  it('takes 28 columns and 14 lines for a 28x28 map', () => {
    const lines = terminalFeatureMap(
      new Float32Array(784).map((_, index) => index),
      28,
      28,
      { color: false },
    ).split('\n');
    expect(lines).toHaveLength(14);
    expect(lines.every((line) => line.length === 28)).toBe(true);
    expect(lines[0]?.startsWith(' ')).toBe(true);
    expect(lines[13]?.endsWith('█')).toBe(true);
  });

  it('rejects values that do not fill the map', () => {
    expect(() => terminalFeatureMap([1, 2, 3], 2, 2)).toThrow(FigureInputError);
  });
});
