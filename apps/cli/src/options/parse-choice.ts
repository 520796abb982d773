import { InvalidArgumentError } from 'commander';

/**
 * Parses an option value that must be one of `choices`, with an error that lists them.
 *
 * @throws InvalidArgumentError when `value` is not one of `choices`.
 */
export function parseChoice<T extends string>(
  flag: string,
  value: string,
  choices: readonly T[],
): T {
  const match = choices.find((choice) => choice === value);
  if (match === undefined) {
    throw new InvalidArgumentError(`${flag} must be one of ${choices.join(', ')}; got "${value}".`);
  }
  return match;
}
