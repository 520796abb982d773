import { InvalidArgumentError } from 'commander';

/**
 * Parses a numeric option, checking it is an integer when asked and at least `minimum`.
 *
 * @throws InvalidArgumentError with the flag, the rule and the value given.
 */
export function parseNumber(
  flag: string,
  value: string,
  rule: { integer?: boolean; minimum?: number; exclusiveMinimum?: number } = {},
): number {
  const parsed = Number(value);
  const kind = rule.integer === true ? 'a whole number' : 'a number';
  const bound =
    rule.minimum !== undefined
      ? ` of at least ${rule.minimum}`
      : rule.exclusiveMinimum !== undefined
        ? ` above ${rule.exclusiveMinimum}`
        : '';
  const valid =
    value.trim() !== '' &&
    Number.isFinite(parsed) &&
    (rule.integer !== true || Number.isInteger(parsed)) &&
    (rule.minimum === undefined || parsed >= rule.minimum) &&
    (rule.exclusiveMinimum === undefined || parsed > rule.exclusiveMinimum);
  if (!valid) throw new InvalidArgumentError(`${flag} must be ${kind}${bound}; got "${value}".`);
  return parsed;
}
