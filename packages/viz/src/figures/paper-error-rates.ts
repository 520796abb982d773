/** A classifier and its MNIST test error rate as a fraction (0.0095 is 0.95%). */
export interface ErrorRateEntry {
  readonly label: string;
  readonly errorRate: number;
}

/**
 * The MNIST test error rates of Fig. 9 of LeCun et al. 1998 (uncertainty about 0.1
 * point), in the paper's order. `[dist]`: trained with distorted patterns; `[16x16]`:
 * digits down-sampled to 16x16.
 *
 * @see LeCun, Bottou, Bengio, Haffner, "Gradient-Based Learning Applied to Document
 *   Recognition", Proc. IEEE 86(11), 1998, Fig. 9.
 */
export const paperErrorRates: readonly ErrorRateEntry[] = [
  { label: 'Linear', errorRate: 0.12 },
  { label: 'K-NN Euclidean', errorRate: 0.05 },
  { label: '40 PCA + quadratic', errorRate: 0.033 },
  { label: '1000 RBF + linear', errorRate: 0.036 },
  { label: '28x28-300-10', errorRate: 0.047 },
  { label: '28x28-300-100-10', errorRate: 0.0305 },
  { label: 'SVM poly 4', errorRate: 0.011 },
  { label: 'RS-SVM poly 5', errorRate: 0.01 },
  { label: '[dist] V-SVM poly 9', errorRate: 0.008 },
  { label: '[16x16] LeNet-1', errorRate: 0.017 },
  { label: 'LeNet-4', errorRate: 0.011 },
  { label: 'LeNet-5', errorRate: 0.0095 },
  { label: '[dist] LeNet-5', errorRate: 0.008 },
  { label: '[dist] Boosted LeNet-4', errorRate: 0.007 },
];
