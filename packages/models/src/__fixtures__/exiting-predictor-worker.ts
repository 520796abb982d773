// A prediction worker whose thread ends before it is ready (parallel-predictor.test.ts).
process.exit(3);
