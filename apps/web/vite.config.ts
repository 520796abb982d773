import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { lenetKernels } from './plugins/lenet-kernels.ts';

// The app reads the sibling @lenet/* packages from their TypeScript source (no build needed
// first) and their browser entries (no Node IO in the bundle).
const conditions = ['@lenet/source', 'browser', 'module', 'import', 'default'];

const wasmFolder = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
// The threaded binary is left out: it needs cross-origin isolation, which a plain static host lacks.
const wasmFiles = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'];

/** Ships tfjs's WebAssembly binaries under `wasm/`, where `setupBackend({ wasmPaths })` looks. */
function wasmBinaries(): Plugin {
  return {
    name: 'lenet-wasm-binaries',
    generateBundle() {
      for (const file of wasmFiles)
        this.emitFile({
          type: 'asset',
          fileName: `wasm/${file}`,
          source: readFileSync(join(wasmFolder, file)),
        });
    },
    configureServer(server) {
      server.middlewares.use('/wasm', (request, response, next) => {
        const file = basename(request.url ?? '');
        if (!wasmFiles.includes(file)) {
          next();
          return;
        }
        response.setHeader('Content-Type', 'application/wasm');
        createReadStream(join(wasmFolder, file)).pipe(response);
      });
    },
  };
}

/**
 * In the dev server, serves the local copies of the data sets at their default URL folders
 * (`./<name>/`): MNIST from $LENET_TEST_MNIST_DIR (default ../shared/data/mnist), Fashion-MNIST
 * from $LENET_TEST_FASHION_MNIST_DIR (default Debian's /usr/share/datasets/fashion-mnist).
 */
function localDatasets(): Plugin {
  const folders: Record<string, string> = {
    mnist:
      process.env.LENET_TEST_MNIST_DIR ??
      resolve(import.meta.dirname, '../../../shared/data/mnist'),
    'fashion-mnist':
      process.env.LENET_TEST_FASHION_MNIST_DIR ?? '/usr/share/datasets/fashion-mnist',
  };
  return {
    name: 'lenet-local-datasets',
    configureServer(server) {
      for (const [name, folder] of Object.entries(folders))
        server.middlewares.use(`/${name}`, (request, response, next) => {
          const file = join(folder, basename(request.url ?? ''));
          if (!file.endsWith('.gz') || !existsSync(file)) {
            next();
            return;
          }
          response.setHeader('Content-Type', 'application/octet-stream');
          createReadStream(file).pipe(response);
        });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  resolve: { conditions },
  plugins: [lenetKernels(), wasmBinaries(), localDatasets()],
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { headers: {} },
});
