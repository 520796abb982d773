// A prediction worker that starts, then fails every share it is sent (parallel-predictor.test.ts).
import { serveRequests } from '../node/serve-worker-requests.js';

serveRequests('parallel-predictor.test.ts', () =>
  Promise.resolve(() => {
    throw new Error('the fixture fails every share');
  }),
);
