import { describe, expect, it } from 'vitest';
import { formatDuration, formatTimestamp, parseDuration, parseTimestamp, SIM_EPOCH_MS } from './time.ts';

describe('time: timestamps', () => {
  it('epoch is 2026-01-01T00:00:00Z', () => {
    expect(new Date(SIM_EPOCH_MS).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it.each<[number, string]>([
    [0, '2026-01-01T00:00:00Z'],
    [30_000, '2026-01-01T00:00:30Z'],
    [30_999, '2026-01-01T00:00:30Z'],
    [999, '2026-01-01T00:00:00Z'],
    [3_600_000 * 25 + 61_000, '2026-01-02T01:01:01Z'],
    [-1, '2025-12-31T23:59:59Z'],
    [365 * 86_400_000, '2027-01-01T00:00:00Z'],
  ])('format %d → %s', (ms, s) => {
    expect(formatTimestamp(ms)).toBe(s);
  });

  it.each<[string, number]>([
    ['2026-01-01T00:00:00Z', 0],
    ['2026-01-01T00:00:30Z', 30_000],
    ['2026-01-01T00:00:30.250Z', 30_250],
    ['2026-01-01T01:00:00+01:00', 0],
    ['2025-12-31T23:59:00Z', -60_000],
  ])('parse %s → %d', (s, ms) => {
    expect(parseTimestamp(s)).toBe(ms);
    expect(parseTimestamp(s)).toBe(ms); // memoized path
  });

  it('round-trips whole seconds and rejects garbage', () => {
    for (const ms of [0, 1000, 86_400_000, 123_456_000]) expect(parseTimestamp(formatTimestamp(ms))).toBe(ms);
    expect(parseTimestamp('yesterday')).toBeNaN();
  });
});

describe('time: parseDuration', () => {
  it.each<[string | number, number]>([
    [0, 0],
    [500, 500],
    ['0', 0],
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['1m30s', 90_000],
    ['1h30m', 5_400_000],
    ['1h0m5s', 3_605_000],
    ['1.5s', 1500],
    ['0.5m', 30_000],
    ['.5s', 500],
    ['1.000s', 1000],
    ['1s500ms', 1500],
    [' 10s ', 10_000],
  ])('%j → %d', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each<[string | number, RegExp]>([
    [-1, /negative/],
    ['-5s', /negative/],
    [1.5, /whole number/],
    [Number.NaN, /not a number/],
    ['500', /missing unit/],
    ['10d', /unknown unit "d"/],
    ['1.5ms', /not a whole number of milliseconds/],
    ['0.0001s', /not a whole number of milliseconds/],
    ['abc', /expected a number with a unit/],
    ['', /expected a number with a unit/],
    ['5s garbage', /./],
    ['s', /expected a number/],
  ])('%j is an error', (input, message) => {
    const got = parseDuration(input);
    expect(typeof got).toBe('string');
    expect(got).toMatch(message);
  });
});

describe('time: formatDuration', () => {
  it.each<[number, string]>([
    [0, '0s'],
    [500, '500ms'],
    [1000, '1s'],
    [30_000, '30s'],
    [300_000, '5m'],
    [90_000, '1m30s'],
    [5_400_000, '1h30m'],
    [3_605_000, '1h5s'],
    [7_200_000, '2h'],
    [90_500, '90500ms'],
    [1, '1ms'],
  ])('%d → %s', (ms, s) => {
    expect(formatDuration(ms)).toBe(s);
    expect(parseDuration(s)).toBe(ms);
  });
});
