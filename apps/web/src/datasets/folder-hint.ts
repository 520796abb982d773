import { DownloadError, type DatasetDescriptor } from '@lenet/data';

/**
 * What to do when a data set's URL folder could not be read, beyond the loader's message: a
 * folder that answers with an error status (a static deployment without the files) is told
 * which four files to put there and where to get them, or to pick them on this computer; a
 * folder on another origin that cannot be reached is told about CORS.
 *
 * @param error - What the loader threw.
 * @param descriptor - The data set.
 * @param folder - The folder's absolute URL.
 * @param page - The page's URL.
 * @returns The hint, or undefined when there is nothing to add.
 * @example
 * ```ts
 * folderHint(error, MNIST, 'https://example.org/lenet/mnist/', 'https://example.org/lenet/');
 * // 'No MNIST files at https://example.org/lenet/mnist/: put train-images-idx3-ubyte.gz, ... there ...'
 * ```
 */
export function folderHint(
  error: unknown,
  descriptor: DatasetDescriptor,
  folder: string,
  page: string,
): string | undefined {
  if (!DownloadError.isInstance(error)) return undefined;
  const files = Object.values(descriptor.files).map((file) => `${file.name}.gz`);
  const source =
    descriptor.mirrors[0] === undefined
      ? ''
      : ` (they can be downloaded from ${descriptor.mirrors[0]})`;
  if (error.problem === 'status')
    return `No ${descriptor.title} files at ${folder}: put ${files.join(', ')} there${source}, or choose "from this computer" and pick them.`;
  const origin = new URL(folder).origin;
  if (error.problem === 'connection' && origin !== new URL(page).origin)
    return `${origin} is not this page's origin: the browser reads files from there only when the server sends Access-Control-Allow-Origin (CORS), as most mirrors do not. Serve the files from this page's origin, or choose "from this computer" and pick them.`;
  return undefined;
}
