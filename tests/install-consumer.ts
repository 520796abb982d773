// A TypeScript consumer of the installed tarballs, checked by tsc the way an application
// resolves the packages: Node (`nodenext`) and a bundler with the `browser` condition. Each
// `@ts-expect-error` proves a public type is precise: were it `any`, the line would compile
// and tsc would report the directive as unused.

/** The consumer's source, as `consumer.ts` in the install folder. */
export const consumerSource = `import * as tf from '@tensorflow/tfjs';
import { C3_TABLE, PartialConv2D, readOut, setupBackend } from '@lenet/core';
import { LenetError } from '@lenet/core/errors';
import { loadMnist, padImages } from '@lenet/data';
import { lenet5, summarize } from '@lenet/models';
import { confusionMatrixFigure, renderSvg } from '@lenet/viz';
import { activationsFromModel } from '@lenet/viz/tfjs';

export async function check(): Promise<number> {
  const setup = await setupBackend();
  // @ts-expect-error the backend is a union of names, not a number
  const backendNumber: number = setup.backend;
  const mnist = await loadMnist({ folder: 'mnist' });
  const padded = padImages(mnist.test);
  // @ts-expect-error images are a Uint8Array
  const imagesText: string = padded.images;
  const model = lenet5({ head: 'rbf' });
  const connections: number = summarize(model).totals.connections;
  // @ts-expect-error totals hold numbers
  const connectionsText: string = summarize(model).totals.connections;
  // @ts-expect-error an unknown option is refused
  lenet5({ colour: 'red' });
  const layer = new PartialConv2D({ table: C3_TABLE });
  const labels: number[] = readOut(tf.zeros([1, 10]), 'rbf').labels;
  const svg: string = renderSvg(confusionMatrixFigure({ matrix: [[1, 0], [0, 1]] }));
  const names: string[] = activationsFromModel(model, tf.zeros([1, 32, 32, 1])).map((activation) => activation.name);
  const isLenet: boolean = LenetError.isInstance(new Error('x'));
  return [backendNumber, imagesText, connectionsText, layer.name, labels, svg, names, isLenet].length + connections;
}
`;

const strict = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  noUnusedLocals: false,
  types: [],
  lib: ['es2022', 'dom'],
};

/** tsconfig files for the two ways an application resolves the packages. */
export const consumerConfigs = {
  'tsconfig.node.json': {
    compilerOptions: { ...strict, module: 'nodenext', moduleResolution: 'nodenext' },
    files: ['consumer.ts'],
  },
  'tsconfig.bundler.json': {
    compilerOptions: {
      ...strict,
      module: 'esnext',
      moduleResolution: 'bundler',
      customConditions: ['browser'],
    },
    files: ['consumer.ts'],
  },
};
