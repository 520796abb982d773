import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

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

/** In the dev server, serves the local MNIST copy ($LENET_TEST_MNIST_DIR or ../shared/data/mnist) under `/mnist/`. */
function localMnist(): Plugin {
  const folder =
    process.env.LENET_TEST_MNIST_DIR ?? resolve(import.meta.dirname, '../../../shared/data/mnist');
  return {
    name: 'lenet-local-mnist',
    configureServer(server) {
      server.middlewares.use('/mnist', (request, response, next) => {
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
  plugins: [wasmBinaries(), localMnist()],
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { headers: {} },
});
