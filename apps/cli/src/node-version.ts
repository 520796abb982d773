/**
 * The oldest Node.js lenet runs on: @lenet/core reads its WebAssembly kernels with
 * `process.getBuiltinModule`, which Node has since 20.16. Every package.json's `engines` says the same.
 */
export const MINIMUM_NODE_VERSION = '20.16.0';

function parts(version: string): number[] {
  return version
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10) || 0);
}

/** What is wrong with running on Node `version` (`process.versions.node`), or undefined when it is new enough. */
export function nodeVersionProblem(version: string): string | undefined {
  const running = parts(version);
  const minimum = parts(MINIMUM_NODE_VERSION);
  for (let index = 0; index < minimum.length; index += 1) {
    const difference = (running[index] ?? 0) - (minimum[index] ?? 0);
    if (difference > 0) return undefined;
    if (difference < 0)
      return `lenet needs Node.js ${MINIMUM_NODE_VERSION} or newer, and this is Node.js ${version}: install a newer Node.js (https://nodejs.org) and run the command again.`;
  }
  return undefined;
}
