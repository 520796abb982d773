/** What the pad asks for, per data set name; other data sets (such as `idx`) get a general ask. */
const asks: Readonly<Record<string, string>> = {
  mnist: 'a digit',
  'emnist-digits': 'a digit',
  'fashion-mnist': 'a piece of clothing',
  kmnist: 'a hiragana character',
};

/**
 * What to draw for a model trained on the data set `name`, to follow "Draw": `a digit` for
 * MNIST and EMNIST Digits, `a piece of clothing` for Fashion-MNIST, `a hiragana character`
 * for Kuzushiji-MNIST, else `an image of the training data`.
 */
export function whatToDraw(name: string): string {
  return asks[name] ?? 'an image of the training data';
}
