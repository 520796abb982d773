/**
 * Joins a file name to a base URL that may lack its trailing slash and, in a browser, may
 * be relative to the page (`/data/mnist`).
 *
 * @param name - The file name.
 * @param base - The folder's URL.
 * @returns The absolute URL of the file.
 */
export function resolveUrl(name: string, base: string): string {
  const page = typeof location === 'undefined' ? undefined : location.href;
  const folder = base.endsWith('/') ? base : `${base}/`;
  return new URL(name, new URL(folder, page)).href;
}
