import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@lenet/core';
import * as coreErrors from '@lenet/core/errors';
import * as data from '@lenet/data';
import * as models from '@lenet/models';
import * as viz from '@lenet/viz';
import { ModelFileError } from '@lenet/models';
import { IdxFormatError, ChecksumError } from '@lenet/data';
import { MissingKernelError } from '@lenet/core';
import { describe, expect, it } from 'vitest';
import { CheckpointError } from '../errors/checkpoint-error.js';
import { UsageError } from '../errors/usage-error.js';
import { ExitCode } from '../exit-codes.js';
import { exitCodeByErrorClass, exitCodeOf, type RecognisedErrorClass } from './error-exit-codes.js';
import { reportError } from './report-error.js';
import type { Terminal } from './terminal.js';

/** Every class a package exports that derives from LenetError (LenetError itself left out). */
function errorClasses(...modules: readonly Record<string, unknown>[]): RecognisedErrorClass[] {
  const classes = new Set<RecognisedErrorClass>();
  for (const module of modules) {
    for (const value of Object.values(module)) {
      if (
        typeof value === 'function' &&
        value !== core.LenetError &&
        value.prototype instanceof core.LenetError
      )
        classes.add(value as unknown as RecognisedErrorClass);
    }
  }
  return [...classes];
}

const exported = [
  ...errorClasses(core, coreErrors, data, models, viz),
  UsageError,
  CheckpointError,
];

function captured(): { terminal: Terminal; text: () => string } {
  let text = '';
  const terminal = { color: false, error: (line: string) => (text += line) } as unknown as Terminal;
  return { terminal, text: () => text };
}

describe("the CLI's exit codes of lenet errors", () => {
  it('gives every exported error class a code, and the README lists each with it', () => {
    expect(exported.length).toBeGreaterThanOrEqual(20);
    const mapped = new Set<RecognisedErrorClass>(
      exitCodeByErrorClass.map(([errorClass]) => errorClass),
    );
    expect(
      exported.filter((errorClass) => !mapped.has(errorClass)).map((errorClass) => errorClass.name),
    ).toEqual([]);
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Exit codes'),
      readme.indexOf('\n## ', readme.indexOf('## Exit codes') + 1),
    );
    for (const [errorClass, code] of exitCodeByErrorClass) {
      expect(section, errorClass.name).toMatch(
        new RegExp(`^\\| ${String(code)} \\|.*\`${errorClass.name}\``, 'm'),
      );
    }
  });

  it('reports an error of every class with its code: the message alone for a user error, the stack for a bug', () => {
    for (const [errorClass, code] of exitCodeByErrorClass) {
      const error = Object.assign(new Error(`a ${errorClass.name} for the test`), {
        name: errorClass.name,
        [Symbol.for('@lenet/error')]: true,
        [Symbol.for(`@lenet/error/${errorClass.name}`)]: true,
      });
      const { terminal, text } = captured();
      expect(reportError(error, terminal), errorClass.name).toBe(code);
      if (code === ExitCode.internal) expect(text(), errorClass.name).toContain('this is a bug');
      else expect(text(), errorClass.name).toBe(`error: a ${errorClass.name} for the test\n`);
    }
  });

  it('tells the classes apart: each isInstance accepts its own errors (and its subclasses) only', () => {
    for (const [errorClass] of exitCodeByErrorClass) {
      const marked = { [Symbol.for(`@lenet/error/${errorClass.name}`)]: true };
      const accepting = exitCodeByErrorClass
        .filter(([other]) => other.isInstance(marked))
        .map(([other]) => other.name);
      expect(accepting, errorClass.name).toEqual([errorClass.name]);
    }
    const checksum = new ChecksumError({
      file: 'train.gz',
      expected: 'sha256 aa',
      actual: 'sha256 bb',
      byteLength: 3,
      algorithm: 'sha256',
    });
    expect(IdxFormatError.isInstance(checksum)).toBe(false);
    expect(ChecksumError.isInstance(checksum)).toBe(true);
    expect(data.DataError.isInstance(checksum)).toBe(true);
    expect(core.LenetError.isInstance(checksum)).toBe(true);
  });

  it('reports a save that a full disk stopped as an I/O failure, with what to do', () => {
    const failure = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
    });
    const { terminal, text } = captured();
    expect(
      reportError(
        new ModelFileError(
          'run/model/weights.bin',
          'Could not write run/model/weights.bin.',
          failure,
        ),
        terminal,
      ),
    ).toBe(ExitCode.io);
    expect(text()).toMatch(/The disk is full: free some space/);
  });

  it('maps classes, not names: an error named like a data error is not one', () => {
    expect(
      exitCodeOf(
        new IdxFormatError({
          problem: 'magic',
          file: 'x',
          byteOffset: 0,
          expected: '0x00000803',
          actual: '0x00000001',
          message: 'magic 0x1 is not an IDX image file',
        }),
      ),
    ).toBe(ExitCode.data);
    expect(exitCodeOf(new CheckpointError('run', 'checkpoint is corrupt'))).toBe(ExitCode.model);
    expect(exitCodeOf(new UsageError('unknown flag'))).toBe(ExitCode.usage);
    expect(exitCodeOf(Object.assign(new Error('x'), { name: 'IdxFormatError' }))).toBe(
      ExitCode.internal,
    );
  });

  it('reports an error class the command should never meet as a bug, with its stack', () => {
    const { terminal, text } = captured();
    expect(reportError(new MissingKernelError('Conv2D', 'wasm'), terminal)).toBe(ExitCode.internal);
    expect(text()).toMatch(/this is a bug in lenet[\s\S]*MissingKernelError/);
  });
});
