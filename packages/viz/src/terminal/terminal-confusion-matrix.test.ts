import { describe, expect, it } from 'vitest';
import { terminalConfusionMatrix } from './terminal-confusion-matrix.js';

describe('terminalConfusionMatrix', () => {
  const matrix = [
    [50, 1, 0],
    [2, 40, 3],
    [0, 0, 60],
  ];

  it('prints counts in aligned columns, the diagonal bracketed and each class error, without colour', () => {
    expect(terminalConfusionMatrix(matrix, { color: false })).toBe(
      [
        'true     0    1    2   error',
        '0     [50]   1    .     2.0%',
        '1       2  [40]   3    11.1%',
        '2       .    .  [60]    0.0%',
      ].join('\n'),
    );
  });

  it('shades cells by count in colour, white text on the darkest', () => {
    const lines = terminalConfusionMatrix(matrix, { color: true }).split('\n');
    expect(lines[3]).toContain('\u001b[48;2;8;48;107m\u001b[38;2;255;255;255m  60 \u001b[0m');
    expect(lines[1]).toContain('\u001b[48;2;247;251;255m\u001b[38;2;34;34;34m   . \u001b[0m');
  });

  it('uses the given class names', () => {
    expect(
      terminalConfusionMatrix(
        [
          [1, 0],
          [0, 1],
        ],
        { color: false, classNames: ['cat', 'dog'] },
      ).split('\n')[0],
    ).toBe('true   cat  dog   error');
  });

  it('keys long class names by number, so the columns stay as narrow as the counts', () => {
    expect(
      terminalConfusionMatrix(matrix, {
        color: false,
        classNames: ['T-shirt/top', 'Ankle boot', 'Bag'],
      }),
    ).toBe(
      [
        'true              0    1    2   error',
        '0 T-shirt/top  [50]   1    .     2.0%',
        '1 Ankle boot     2  [40]   3    11.1%',
        '2 Bag            .    .  [60]    0.0%',
      ].join('\n'),
    );
  });

  it('aligns kana names by the two columns each takes in a terminal', () => {
    const lines = terminalConfusionMatrix(matrix, {
      color: false,
      classNames: ['お (o)', 'き (ki)', 'す (su)'],
    }).split('\n');
    expect(lines[1]).toBe('0 お (o)   [50]   1    .     2.0%');
    expect(lines[2]).toBe('1 き (ki)    2  [40]   3    11.1%');
    expect(() => terminalConfusionMatrix(matrix, { classNames: ['cat'] })).toThrow(/3 names/);
  });
});
