/**
 * The registries scenario validation consults (fault kinds, invariant ids, controller variants),
 * gathered in one module: the parser's only dependency on the simulator's contents, and one seam
 * for tests that check parsing against a fixed catalogue.
 */
export { faultKinds, getFault } from '../chaos/registry.ts';
export { getControllerVariants } from '../controllers/registry.ts';
export { allInvariants, getInvariant } from '../invariants/registry.ts';
