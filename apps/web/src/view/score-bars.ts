import type { OutputKind } from '@lenet/core';

/**
 * Shows every class's probability as a bar, named by `classNames` (the predicted one
 * highlighted), with the raw score beside each: the RBF distance for the paper's LeNet-5, the
 * logit otherwise. Names are set as text, never parsed as HTML (a loaded model's metadata
 * names them).
 */
export function renderScoreBars(
  list: HTMLElement,
  scores: readonly number[],
  probabilities: readonly number[],
  label: number,
  output: OutputKind,
  classNames: readonly string[],
): void {
  const rows = scores.map((score, index) => {
    const percent = ((probabilities[index] ?? 0) * 100).toFixed(1);
    const name = classNames[index] ?? String(index);
    const item = document.createElement('li');
    item.className = index === label ? 'score predicted' : 'score';
    item.setAttribute('aria-label', `${name}: ${percent} percent`);
    const fill = document.createElement('span');
    fill.style.width = `${percent}%`;
    const bar = span('bar');
    bar.append(fill);
    const raw = document.createElement('small');
    raw.textContent = output === 'rbf' ? `d=${(-score).toFixed(1)}` : `z=${score.toFixed(2)}`;
    const value = span('value', `${percent}% `);
    value.append(raw);
    item.append(span('name', name), bar, value);
    return item;
  });
  list.replaceChildren(...rows);
}

function span(className: string, text = ''): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}
