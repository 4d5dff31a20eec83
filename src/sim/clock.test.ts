import { describe, expect, it } from 'vitest';
import { SimClock } from './clock.ts';

describe('SimClock', () => {
  it('fires timers by (due, seq): equal due times in scheduling order', () => {
    const c = new SimClock();
    const order: string[] = [];
    c.at(20, 'b', () => order.push('b'));
    c.at(10, 'a', () => order.push('a'));
    c.at(20, 'c', () => order.push('c'));
    c.at(5, 'x', () => order.push('x'));
    for (let t = c.pop(); t; t = c.pop()) t.run();
    expect(order).toEqual(['x', 'a', 'b', 'c']);
    expect(c.now).toBe(20);
  });

  it('skips cancelled timers and never moves time backwards', () => {
    const c = new SimClock();
    const t = c.at(10, 'gone', () => {});
    c.at(30, 'kept', () => {});
    c.cancel(t);
    expect(c.peekDue()).toBe(30);
    c.pop();
    const late = c.at(5, 'past', () => {});
    expect(late.due).toBe(30);
  });

  it('keeps order for thousands of timers (heap invariant)', () => {
    const c = new SimClock();
    const dues = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 1000);
    for (const d of dues) c.at(d, 't', () => {});
    let last = -1;
    for (let t = c.pop(); t; t = c.pop()) {
      expect(t.due).toBeGreaterThanOrEqual(last);
      last = t.due;
    }
  });
});
