import fc from "fast-check";

// Property runs: a quick default for `npm test`; `npm run test:props` raises it.
// Seeds are random on purpose; fast-check prints the seed of any failure to reproduce it.
fc.configureGlobal({ numRuns: Number(process.env.FC_NUM_RUNS ?? 300) });
