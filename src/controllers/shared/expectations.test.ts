import { describe, expect, it } from 'vitest';
import { EXPECTATIONS_TIMEOUT_MS, Expectations } from './expectations.ts';

describe('ControllerExpectations', () => {
  it('is satisfied with no record, after every expected event, or after 5 minutes', () => {
    let now = 0;
    const e = new Expectations(() => now);
    expect(e.satisfied('rs')).toBe(true);
    e.expectCreations('rs', 2);
    expect(e.satisfied('rs')).toBe(false);
    e.creationObserved('rs');
    expect(e.satisfied('rs')).toBe(false);
    e.creationObserved('rs');
    expect(e.satisfied('rs')).toBe(true);
    e.expectCreations('rs', 1);
    now = EXPECTATIONS_TIMEOUT_MS + 1;
    expect(e.satisfied('rs')).toBe(true);
  });

  it('counts each expected deletion once, by pod key, and ignores unexpected ones', () => {
    const e = new Expectations(() => 0);
    e.expectDeletions('rs', ['default/a', 'default/b']);
    e.deletionObserved('rs', 'default/x');
    e.deletionObserved('rs', 'default/a');
    e.deletionObserved('rs', 'default/a');
    expect(e.pending('rs')).toEqual({ add: 0, del: 1 });
    e.deletionObserved('rs', 'default/b');
    expect(e.satisfied('rs')).toBe(true);
  });
});
