/** The closing section of the results report: how SDLM is run here and why it departs from the paper. */
export const SDLM_NOTES: readonly string[] = [
  '## Notes on SDLM and distortions',
  '',
  "- SDLM (`lenet train --optimizer sdlm`): before each pass the optimiser takes the paper's eta for the pass and re-estimates the Gauss-Newton diagonal h_kk on 500 training digits drawn by the seed and the pass (the paper's layer-by-layer recursion), then steps each weight by `eta / (mu + h_kk)` times its gradient. The estimate is saved in the checkpoint, so a run stopped inside a pass resumes bit for bit.",
  '- Mini-batches: a step uses the summed gradient of the batch (the mean times the batch size), so one mini-batch step equals the sum of its per-pattern steps to first order.',
];
