import type { IdxArray } from '../idx/idx-array.js';
import { gunzip, isGzip } from '../idx/gunzip.js';
import { parseIdx } from '../idx/parse-idx.js';
import { sha256 } from '../io/sha256.js';
import { checkFileChecksums } from './file-checksums.js';
import type { ChecksumCheck } from './file-checksums.js';
import type { DatasetFileDescriptor, DatasetFileRole, VerifiedFile } from './dataset-types.js';

/** The stored bytes of one dataset file and where they came from. */
export interface DatasetFileBytes {
  /** Which of the four files this is. */
  role: DatasetFileRole;
  /** The path or URL the bytes were read from. */
  path: string;
  /** The file as stored, raw or gzip. */
  bytes: Uint8Array;
}

/** A decoded dataset file and how its checksums compared. */
export interface DecodedDatasetFile {
  /** The file's record (`verified` true when a recorded checksum matched). */
  file: VerifiedFile;
  /** The decoded contents. */
  idx: IdxArray;
  /** How the recorded checksums compared; a `mismatch` is for the caller to report. */
  checksums: ChecksumCheck;
}

/**
 * Decodes one stored dataset file, then compares it with its recorded checksums.
 *
 * The structure comes first: a damaged gzip stream, a truncated file or a wrong magic number
 * is an {@link IdxFormatError} that says so, never a checksum mismatch. Then the stored
 * bytes may match the `.gz` sha256 or MD5, and the decompressed bytes the raw sha256 (so a
 * `.gz` recompressed by someone, and a raw copy, verify too).
 *
 * @param descriptor - The file's entry in the dataset descriptor.
 * @param stored - The role, path and bytes.
 * @returns The file's record, the decoded IDX array and the checksum comparison.
 * @throws {@link IdxFormatError} when the file is not valid gzip or IDX.
 */
export async function decodeDatasetFile(
  descriptor: DatasetFileDescriptor,
  stored: DatasetFileBytes,
): Promise<DecodedDatasetFile> {
  const { role, path, bytes } = stored;
  const compressed = isGzip(bytes);
  const raw = compressed ? await gunzip(bytes, path) : bytes;
  const idx = parseIdx(raw, { file: path });
  const digest = await sha256(bytes);
  const contentDigest = compressed ? await sha256(raw) : digest;
  const checksums = checkFileChecksums(descriptor.sha256 ?? {}, {
    bytes,
    compressed,
    sha256: digest,
    contentSha256: contentDigest,
  });
  return {
    file: {
      role,
      path,
      bytes: bytes.length,
      sha256: digest,
      contentSha256: contentDigest,
      verified: checksums.result === 'match',
    },
    idx,
    checksums,
  };
}
