import fc from 'fast-check';

// A fixed global seed makes CI runs reproducible and keeps test names stable (test names embed the
// seed; Stryker re-selects tests by name). Override with FC_SEED=<n> to explore other seeds.
const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : 20261128;
fc.configureGlobal({ seed });
