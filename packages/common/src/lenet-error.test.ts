import { describe, expect, it } from 'vitest';
import { LenetError } from './lenet-error.js';

const exampleMarker = '@lenet/error/ExampleError';
const exampleSymbol = Symbol.for(exampleMarker);

class ExampleError extends LenetError {
  private readonly [exampleSymbol] = true;

  static override isInstance(error: unknown): error is ExampleError {
    return LenetError.hasMarker(error, exampleMarker);
  }

  constructor() {
    super('ExampleError', 'Something happened. Do this instead.');
  }
}

describe('LenetError', () => {
  it('is recognised by isInstance, including subclasses', () => {
    expect(LenetError.isInstance(new LenetError('LenetError', 'x'))).toBe(true);
    expect(LenetError.isInstance(new ExampleError())).toBe(true);
  });

  it('recognises an error from another copy of the package by its marker', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('@lenet/error')]: true });
    expect(LenetError.isInstance(foreign)).toBe(true);
  });

  it("gives each subclass an isInstance of its own, by the subclass's marker", () => {
    expect(ExampleError.isInstance(new ExampleError())).toBe(true);
    expect(
      ExampleError.isInstance(new LenetError('ExampleError', 'named alike, not the class')),
    ).toBe(false);
    expect(
      ExampleError.isInstance(
        Object.assign(new Error('x'), { [Symbol.for('@lenet/error/ExampleError')]: true }),
      ),
    ).toBe(true);
  });

  it('rejects plain errors and non-errors', () => {
    expect(LenetError.isInstance(new Error('x'))).toBe(false);
    expect(LenetError.isInstance(null)).toBe(false);
    expect(LenetError.isInstance('LenetError')).toBe(false);
  });

  it('keeps its name, message and cause', () => {
    const cause = new Error('root');
    const error = new LenetError('ExampleError', 'message', { cause });
    expect(error.name).toBe('ExampleError');
    expect(error.message).toBe('message');
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(Error);
  });
});
