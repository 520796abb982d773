import { ChecksumError } from '../errors/checksum-error.js';
import type { IdxArray } from '../idx/idx-array.js';
import { gunzip, isGzip } from '../idx/gunzip.js';
import { parseIdx } from '../idx/parse-idx.js';
import { sha256 } from '../io/sha256.js';
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

/** A checked and decoded dataset file. */
export interface DecodedDatasetFile {
  /** The check's result. */
  file: VerifiedFile;
  /** The decoded contents. */
  idx: IdxArray;
}

/**
 * Checks one stored dataset file against its recorded sha256s, then decodes it.
 *
 * The stored bytes may match the `.gz` or the raw checksum; a `.gz` that matches neither
 * (recompressed by someone) is accepted when its decompressed bytes match the raw one.
 *
 * @param descriptor - The file's entry in the dataset descriptor.
 * @param stored - The role, path and bytes.
 * @returns The verification record and the decoded IDX array.
 * @throws {@link ChecksumError} when checksums are recorded and none matches;
 *   {@link IdxFormatError} when the file is not valid gzip or IDX.
 */
export async function decodeDatasetFile(
  descriptor: DatasetFileDescriptor,
  stored: DatasetFileBytes,
): Promise<DecodedDatasetFile> {
  const { role, path, bytes } = stored;
  const digest = await sha256(bytes);
  const known = descriptor.sha256 ?? {};
  const compressed = isGzip(bytes);
  const raw = compressed ? await gunzip(bytes, path) : bytes;
  const recorded = [known.gzip, known.raw].filter((value) => value !== undefined);
  let verified = recorded.includes(digest);
  if (!verified && recorded.length > 0) {
    const rawDigest = compressed && known.raw !== undefined ? await sha256(raw) : digest;
    if (rawDigest !== known.raw)
      throw new ChecksumError(path, recorded.join(' or '), digest, bytes.length);
    verified = true;
  }
  return {
    file: { role, path, bytes: bytes.length, sha256: digest, verified },
    idx: parseIdx(raw, { file: path }),
  };
}
