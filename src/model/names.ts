/**
 * Kubernetes object-name rules (apimachinery `validation.IsDNS1123Label` / `IsDNS1123Subdomain`)
 * and the `generateName` suffix. Error messages use Kubernetes' wording so that reports read like
 * `kubectl` output.
 */

/** Characters Kubernetes uses for random suffixes: no vowels (no accidental words), no 0/1/3 (look-alikes). */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Length of the random suffix appended to `metadata.generateName`. */
export const NAME_SUFFIX_LENGTH = 5;

export const DNS1123_LABEL_MAX_LENGTH = 63;
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

/** Kubernetes' `MaxLenError`. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/**
 * Validates an RFC 1123 label (namespace names, StatefulSet/Service names, scenario names).
 * @returns Kubernetes' error message, or null when valid.
 */
export function validateDns1123Label(s: string): string | null {
  if (s.length > DNS1123_LABEL_MAX_LENGTH) return maxLenError(DNS1123_LABEL_MAX_LENGTH);
  if (!DNS1123_LABEL_RE.test(s)) {
    return (
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must " +
      "start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for " +
      `validation is '${DNS1123_LABEL_FMT}')`
    );
  }
  return null;
}

/**
 * Validates an RFC 1123 subdomain (most object names, label-key prefixes).
 * @returns Kubernetes' error message, or null when valid.
 */
export function validateDns1123Subdomain(s: string): string | null {
  if (s.length > DNS1123_SUBDOMAIN_MAX_LENGTH) return maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH);
  if (!DNS1123_SUBDOMAIN_RE.test(s)) {
    return (
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', " +
      "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for " +
      `validation is '${DNS1123_SUBDOMAIN_FMT}')`
    );
  }
  return null;
}

/**
 * The 5-character suffix the API server appends to `metadata.generateName` (Kubernetes
 * `rand.String(5)`).
 * @param randomInt deterministic source: returns an integer in [0, n). The simulator passes a
 *   seeded PRNG stream so names are reproducible from the seed.
 */
export function generateNameSuffix(randomInt: (n: number) => number): string {
  let out = '';
  for (let i = 0; i < NAME_SUFFIX_LENGTH; i++) {
    out += NAME_SUFFIX_ALPHABET[randomInt(NAME_SUFFIX_ALPHABET.length)] ?? NAME_SUFFIX_ALPHABET[0];
  }
  return out;
}
