import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the local server answers one path. */
export type Route =
  | { kind: 'file'; bytes: Uint8Array }
  | { kind: 'drop'; bytes: Uint8Array; after: number }
  | { kind: 'status'; status: number };

/** A local HTTP server on 127.0.0.1 and a random port, serving routes set by the test. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>/`. */
  baseUrl: string;
  /** Sets (or replaces) how a path is answered. */
  route: (path: string, answer: Route) => void;
  /** The paths requested so far, in order. */
  requests: string[];
  /** Stops the server. */
  close: () => Promise<void>;
}

/**
 * Starts a server that answers each routed path with a file, an HTTP status, or a response
 * that announces the full length and then drops the connection after `after` bytes.
 */
export async function startLocalServer(): Promise<LocalServer> {
  const routes = new Map<string, Route>();
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    const answer = routes.get(path) ?? { kind: 'status', status: 404 };
    if (answer.kind === 'status') {
      response.writeHead(answer.status).end();
      return;
    }
    response.writeHead(200, {
      'content-length': answer.bytes.length,
      'content-type': 'application/octet-stream',
    });
    if (answer.kind === 'file') {
      response.end(answer.bytes);
      return;
    }
    response.write(answer.bytes.subarray(0, answer.after), () => {
      setTimeout(() => response.socket?.destroy(), 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    route: (path, answer) => routes.set(path, answer),
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      }),
  };
}
