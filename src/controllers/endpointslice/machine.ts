/**
 * The EndpointSlice controller's sync as a recorded path of phases (shared/phases.ts): the reconciler
 * plans every slice write at once (plan.ts), then the sync creates, updates and deletes slices one
 * API call at a time, in that order (finalize in reconciler.go), and returns to idle. A cache that
 * still lacks the controller's own last writes (the endpointSliceTracker's stale check) ends the
 * sync at once and retries the Service with the work queue's back-off.
 */
import { setup } from 'xstate';
import { type OutcomeMove, phaseStates } from '../shared/phases.ts';

export type Phase = 'idle' | 'creatingSlice' | 'updatingSlice' | 'deletingSlice';

/** The event that enters each phase. */
export const ENTERS = {
  idle: 'SYNC_DONE',
  creatingSlice: 'CREATE_SLICE',
  updatingSlice: 'UPDATE_SLICE',
  deletingSlice: 'DELETE_SLICE',
} as const satisfies Record<Phase, string>;

/** Moves with an effect of their own: the Service is gone, the cache is stale, a write failed. */
const OUTCOMES = [
  { from: 'idle', event: 'SERVICE_GONE', target: 'idle', actions: 'forgetService' },
  { from: 'idle', event: 'CACHE_STALE', target: 'idle', actions: 'waitForCache' },
  { from: 'creatingSlice', event: 'WRITE_FAILED', target: 'idle', actions: 'requeueWithBackoff' },
  { from: 'updatingSlice', event: 'WRITE_FAILED', target: 'idle', actions: 'requeueWithBackoff' },
  { from: 'deletingSlice', event: 'WRITE_FAILED', target: 'idle', actions: 'requeueWithBackoff' },
] as const satisfies ReadonlyArray<OutcomeMove<Phase, Action>>;

type Action =
  | 'forgetService'
  | 'waitForCache'
  | 'requeueWithBackoff'
  | 'createSlice'
  | 'updateSlice'
  | 'deleteSlice';

export type EndpointSliceEvent = { type: (typeof ENTERS)[Phase] | (typeof OUTCOMES)[number]['event'] };

export const endpointSliceMachine = setup({
  types: { events: {} as EndpointSliceEvent },
  actions: {
    forgetService: () => {},
    waitForCache: () => {},
    requeueWithBackoff: () => {},
    createSlice: () => {},
    updateSlice: () => {},
    deleteSlice: () => {},
  },
}).createMachine({
  id: 'endpointslice',
  initial: 'idle',
  states: phaseStates<Phase, Action>(
    ENTERS,
    {
      idle: { next: ['creatingSlice', 'updatingSlice', 'deletingSlice', 'idle'] },
      creatingSlice: {
        entry: 'createSlice',
        next: ['creatingSlice', 'updatingSlice', 'deletingSlice', 'idle'],
      },
      updatingSlice: { entry: 'updateSlice', next: ['updatingSlice', 'deletingSlice', 'idle'] },
      deletingSlice: { entry: 'deleteSlice', next: ['deletingSlice', 'idle'] },
    },
    OUTCOMES,
  ),
});
