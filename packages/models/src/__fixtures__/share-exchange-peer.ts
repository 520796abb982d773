// A worker that waits in a ShareExchange for one share order and answers it (share-exchange.test.ts).
import { ShareExchange } from '../node/share-exchange.js';
import { serveRequests } from '../node/serve-worker-requests.js';

interface PeerRequest {
  readonly buffer: SharedArrayBuffer;
  readonly parameters: number;
  readonly images: number;
  readonly area: number;
}

serveRequests<PeerRequest, { readonly type: 'answered' }>('share-exchange.test.ts', () =>
  Promise.resolve(({ buffer, parameters, images, area }) => {
    const exchange = new ShareExchange(buffer, parameters, images, area);
    const order = exchange.awaitOrder(0, 10_000);
    if (order === undefined) throw new Error('no share was ordered');
    exchange.gradients.set([order.count, order.size]);
    exchange.answer(order.sequence, { loss: 1.5, correct: 7 });
    return { reply: { type: 'answered' } };
  }),
);
