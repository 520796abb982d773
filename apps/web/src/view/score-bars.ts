import type { OutputKind } from '@lenet/core';

/**
 * Shows the ten classes' probabilities as bars (the predicted one highlighted) with the raw
 * score beside each: the RBF distance for the paper's LeNet-5, the logit otherwise.
 */
export function renderScoreBars(
  list: HTMLElement,
  scores: readonly number[],
  probabilities: readonly number[],
  label: number,
  output: OutputKind,
): void {
  const rows = scores.map((score, digit) => {
    const probability = probabilities[digit] ?? 0;
    const raw = output === 'rbf' ? `d=${(-score).toFixed(1)}` : `z=${score.toFixed(2)}`;
    const item = document.createElement('li');
    item.className = digit === label ? 'score predicted' : 'score';
    item.innerHTML = `<span class="digit">${digit}</span><span class="bar"><span style="width:${(probability * 100).toFixed(1)}%"></span></span><span class="value">${(probability * 100).toFixed(1)}% <small>${raw}</small></span>`;
    item.setAttribute('aria-label', `${digit}: ${(probability * 100).toFixed(1)} percent`);
    return item;
  });
  list.replaceChildren(...rows);
}
