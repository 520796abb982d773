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
        { color: false, labels: ['cat', 'dog'] },
      ).split('\n')[0],
    ).toBe('true   cat  dog   error');
  });
});
