import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.gz': 'application/octet-stream',
};

/** A running static server and its base URL. */
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The folder holding the four MNIST .gz files; throws (never skips) when it is not set. */
export function mnistFolder(): string {
  const folder = process.env.LENET_TEST_MNIST_DIR;
  if (folder === undefined || !existsSync(join(folder, 'train-images-idx3-ubyte.gz'))) {
    throw new Error(
      `LENET_TEST_MNIST_DIR must name a folder holding the four MNIST .gz files; it is ${folder ?? 'unset'}.`,
    );
  }
  return folder;
}

/** The folder holding the four Fashion-MNIST .gz files, `$LENET_TEST_FASHION_MNIST_DIR`; throws (never skips) when it is not set. */
export function fashionMnistFolder(): string {
  const folder = process.env.LENET_TEST_FASHION_MNIST_DIR;
  if (folder === undefined || !existsSync(join(folder, 'train-images-idx3-ubyte.gz'))) {
    throw new Error(
      `LENET_TEST_FASHION_MNIST_DIR must name a folder holding the four Fashion-MNIST .gz files (Debian: apt-get install dataset-fashion-mnist, /usr/share/datasets/fashion-mnist); it is ${folder ?? 'unset'}.`,
    );
  }
  return folder;
}

/**
 * Serves the built app like any static host (no special headers, so no cross-origin
 * isolation) and, under `/mnist/`, the local MNIST copy the training tests read.
 */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const mnist = mnistFolder();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.startsWith('/mnist/')
      ? join(mnist, basename(path))
      : join(root, normalize(path === '/' ? '/index.html' : path));
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
