import { md5 } from '../io/md5.js';
import type { FileChecksums } from './dataset-types.js';

/** A stored file's bytes and digests, as {@link checkFileChecksums} compares them. */
export interface StoredDigests {
  /** The bytes as stored. */
  bytes: Uint8Array;
  /** True when they are gzip. */
  compressed: boolean;
  /** The sha256 of the stored bytes. */
  sha256: string;
  /** The sha256 of the decompressed bytes. */
  contentSha256: string;
}

/** How a file compared with the checksums recorded for it. */
export interface ChecksumCheck {
  /** `match`: one applied and matched; `mismatch`: some applied, none matched; `none`: none applied. */
  result: 'match' | 'mismatch' | 'none';
  /** The checksums that applied, as people read them (`sha256 ab12... (.gz)`). */
  expected: string[];
  /** The file's own digests, as people read them. */
  actual: string;
  /** The hashes compared. */
  algorithm: 'sha256' | 'md5' | 'sha256, md5';
}

/**
 * Compares a stored file with its recorded checksums: the raw sha256 with the decompressed
 * bytes, and for a `.gz` its sha256 and published MD5 with the stored bytes. A raw file
 * against only `.gz` checksums has none that applies (`none`, unverified, not a mismatch).
 *
 * @param recorded - The descriptor's checksums for the file.
 * @param stored - The bytes and their sha256s.
 * @returns The result, the checksums that applied and the file's digests.
 */
export function checkFileChecksums(recorded: FileChecksums, stored: StoredDigests): ChecksumCheck {
  const candidates: { label: string; expected: string; actual: () => string }[] = [];
  if (recorded.raw !== undefined)
    candidates.push({
      label: 'sha256 (decompressed)',
      expected: recorded.raw,
      actual: () => stored.contentSha256,
    });
  if (stored.compressed && recorded.gzip !== undefined)
    candidates.push({
      label: 'sha256 (.gz)',
      expected: recorded.gzip,
      actual: () => stored.sha256,
    });
  if (stored.compressed && recorded.gzipMd5 !== undefined)
    candidates.push({
      label: 'md5 (.gz)',
      expected: recorded.gzipMd5,
      actual: () => md5(stored.bytes),
    });
  const usesMd5 = candidates.some((candidate) => candidate.label.startsWith('md5'));
  const usesSha = candidates.some((candidate) => candidate.label.startsWith('sha256'));
  const matched = candidates.some((candidate) => candidate.actual() === candidate.expected);
  return {
    result: candidates.length === 0 ? 'none' : matched ? 'match' : 'mismatch',
    expected: candidates.map((candidate) => `${candidate.label} ${candidate.expected}`),
    actual: `sha256 ${stored.sha256}${stored.compressed ? ` (.gz), ${stored.contentSha256} (decompressed)` : ''}`,
    algorithm: usesMd5 && usesSha ? 'sha256, md5' : usesMd5 ? 'md5' : 'sha256',
  };
}
