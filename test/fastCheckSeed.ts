import fc from 'fast-check';

// Property tests explore new random cases on every local run; CI replays one fixed seed so a
// landing never depends on luck. A counterexample found locally becomes a plain regression test.
if (process.env.CI) fc.configureGlobal({ seed: 20261122 });
