/**
 * Simulated time. The simulator counts milliseconds since SIM_EPOCH_MS (2026-01-01T00:00:00Z);
 * objects carry RFC 3339 timestamps with second precision, as the Kubernetes API serializes
 * `metav1.Time`. Everything here is pure arithmetic (Date is used only as a calendar converter).
 */

/** 2026-01-01T00:00:00Z in Unix milliseconds: simulated time 0. */
export const SIM_EPOCH_MS = Date.UTC(2026, 0, 1);

const MS_PER_UNIT: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * RFC 3339 at second precision (`2026-01-01T00:00:30Z`). Sub-second parts are truncated, like
 * `metav1.Time`: two events within the same second get equal timestamps, as on a real cluster.
 */
export function formatTimestamp(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  // Simulated time only moves forward, so the last second formatted is almost always asked again.
  if (seconds === lastSeconds) return lastFormatted;
  lastSeconds = seconds;
  lastFormatted = `${new Date(SIM_EPOCH_MS + seconds * 1000).toISOString().slice(0, 19)}Z`;
  return lastFormatted;
}

let lastSeconds = Number.NaN;
let lastFormatted = '';

const parsed = new Map<string, number>();
const PARSE_CACHE_LIMIT = 4096;

/**
 * Milliseconds since the sim epoch for an RFC 3339 timestamp (offsets and fractions accepted);
 * NaN when unparsable. Memoized because controllers re-read the same timestamps on every sync.
 */
export function parseTimestamp(s: string): number {
  let ms = parsed.get(s);
  if (ms === undefined) {
    ms = Date.parse(s) - SIM_EPOCH_MS;
    // A bounded cache: clearing is cheap and keeps memory flat over long runs.
    if (parsed.size >= PARSE_CACHE_LIMIT) parsed.clear();
    parsed.set(s, ms);
  }
  return ms;
}

const DURATION_PART_RE = /(\d+(?:\.\d*)?|\.\d+)(ms|s|m|h|[a-zµ]*)/gy;

/**
 * Parses a scenario duration: a non-negative integer of milliseconds, or a string of one or more
 * `<number><unit>` parts with units ms, s, m, h (`500ms`, `30s`, `1.5m`, `1m30s`). A string `"0"`
 * is accepted as in Go's time.ParseDuration.
 * @returns milliseconds, or an error message (negative, non-numeric, fractional ms, unknown unit).
 */
export function parseDuration(v: string | number): number | string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return `invalid duration ${v}: not a number`;
    if (v < 0) return `invalid duration ${v}: must not be negative`;
    if (!Number.isInteger(v)) return `invalid duration ${v}: milliseconds must be a whole number`;
    return v;
  }
  const s = v.trim();
  if (s.startsWith('-')) return `invalid duration "${v}": must not be negative`;
  if (s === '0') return 0;
  if (s === '')
    return `invalid duration "${v}": expected a number with a unit (ms, s, m, h), e.g. 500ms, 30s, 5m`;
  let total = 0;
  DURATION_PART_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  let consumed = 0;
  // biome-ignore lint/suspicious/noAssignInExpressions: the usual sticky-regex scan loop.
  while (consumed < s.length && (match = DURATION_PART_RE.exec(s)) !== null) {
    const [, num, unit] = match as unknown as [string, string, string];
    const ms = partMs(num, unit);
    if (typeof ms === 'string') return `invalid duration "${v}": ${ms}`;
    total += ms;
    consumed = DURATION_PART_RE.lastIndex;
  }
  if (consumed !== s.length) {
    return `invalid duration "${v}": expected a number with a unit (ms, s, m, h), e.g. 500ms, 30s, 5m`;
  }
  return total;
}

/** One `<number><unit>` part in ms, computed without float drift (integer and fraction apart). */
function partMs(num: string, unit: string): number | string {
  const perUnit = MS_PER_UNIT[unit];
  if (perUnit === undefined)
    return unit === '' ? 'missing unit (ms, s, m, h)' : `unknown unit "${unit}" (use ms, s, m, h)`;
  const [intPart = '', fracPart = ''] = num.split('.');
  const frac = fracPart.replace(/0+$/, '');
  if (frac.length > 9) return 'too many decimal places';
  const fracMs = frac === '' ? 0 : (Number(frac) * perUnit) / 10 ** frac.length;
  if (!Number.isInteger(fracMs)) return 'not a whole number of milliseconds';
  const ms = Number(intPart || '0') * perUnit + fracMs;
  return Number.isSafeInteger(ms) ? ms : 'too large';
}

/**
 * Shortest readable rendering that parseDuration reads back: `500ms`, `30s`, `5m`, `1h30m`, `1h5s`;
 * whole milliseconds (`90500ms`) when not a whole number of seconds, never `1m30.5s`.
 */
export function formatDuration(ms: number): string {
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms % 1000 !== 0) return `${ms}ms`;
  if (ms === 0) return '0s';
  const total = ms / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
}
