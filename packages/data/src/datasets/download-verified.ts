import { ChecksumError } from '../errors/checksum-error.js';
import { DownloadError } from '../errors/download-error.js';
import { fetchBytes } from '../io/fetch-bytes.js';
import { resolveUrl } from '../io/resolve-url.js';
import { sha256 } from '../io/sha256.js';
import { checkFileChecksums } from './file-checksums.js';
import type { DatasetDescriptor, DatasetFileRole, DatasetProgressEvent } from './dataset-types.js';

/** Options of {@link downloadVerified}. */
export interface DownloadVerifiedOptions {
  /** Base URLs tried in order. */
  mirrors: readonly string[];
  /** Cancels the download. */
  signal?: AbortSignal | undefined;
  /** Receives `download` progress events. */
  onProgress?: ((event: DatasetProgressEvent) => void) | undefined;
}

/** A downloaded file whose sha256 (or published MD5) matched. */
export interface DownloadedFile {
  /** The URL that served it. */
  url: string;
  /** The file's bytes (gzip). */
  bytes: Uint8Array;
}

/**
 * Downloads one `.gz` file of a dataset from the first mirror that serves it with the
 * recorded `.gz` sha256 or MD5.
 *
 * @param descriptor - The dataset (file names and sha256s).
 * @param role - Which file.
 * @param options - Mirrors, abort signal, progress callback.
 * @returns The URL and the verified bytes.
 * @throws {@link DownloadError} (`no-checksum`) when no `.gz` checksum is recorded for the file;
 *   with one mirror, that mirror's {@link DownloadError} or {@link ChecksumError};
 *   with several, a {@link DownloadError} (`all-mirrors-failed`) whose `cause` lists them.
 */
export async function downloadVerified(
  descriptor: DatasetDescriptor,
  role: DatasetFileRole,
  options: DownloadVerifiedOptions,
): Promise<DownloadedFile> {
  const fileName = `${descriptor.files[role].name}.gz`;
  const { gzip, gzipMd5 } = descriptor.files[role].sha256 ?? {};
  if (gzip === undefined && gzipMd5 === undefined) {
    throw new DownloadError({
      problem: 'no-checksum',
      url: fileName,
      receivedBytes: 0,
      expected: 'a recorded sha256',
      actual: 'none',
      message: `${descriptor.title} records no checksum for this file, so a download could not be verified. Download it yourself and pass its folder.`,
    });
  }
  const failures: unknown[] = [];
  for (const mirror of options.mirrors) {
    const url = resolveUrl(fileName, mirror);
    try {
      const bytes = await fetchBytes(url, {
        signal: options.signal,
        onProgress: (receivedBytes, totalBytes) =>
          options.onProgress?.({ type: 'download', role, url, receivedBytes, totalBytes }),
      });
      const digest = await sha256(bytes);
      const check = checkFileChecksums(
        { gzip, gzipMd5 },
        { bytes, compressed: true, sha256: digest, contentSha256: '' },
      );
      if (check.result !== 'match')
        throw new ChecksumError({
          file: url,
          expected: check.expected.join(' or '),
          actual: `sha256 ${digest}`,
          byteLength: bytes.length,
          algorithm: check.algorithm,
          advice: 'The mirror served a damaged or different file; nothing was saved.',
        });
      return { url, bytes };
    } catch (error) {
      if (options.signal?.aborted === true) throw error;
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  throw new DownloadError({
    problem: 'all-mirrors-failed',
    url: fileName,
    receivedBytes: 0,
    expected: `a verified copy from one of ${options.mirrors.length} mirrors`,
    actual: failures
      .map((failure) => (failure instanceof Error ? failure.name : 'error'))
      .join(', '),
    message: `no mirror served a good copy:\n${failures.map((failure) => `  ${failure instanceof Error ? failure.message : String(failure)}`).join('\n')}\nCheck the network, or download the file yourself and pass its folder.`,
    cause: new AggregateError(failures, 'every mirror failed'),
  });
}
