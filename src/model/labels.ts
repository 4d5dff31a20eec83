/**
 * Labels and label selectors (apimachinery `validation.IsQualifiedName`, `IsValidLabelValue`,
 * `metav1.LabelSelectorAsSelector`). Selectors are compiled once per object and cached, because
 * controllers match every pod against every owner on every sync.
 */

import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { maxLenError, validateDns1123Subdomain } from './names.ts';

type LabelSelectorRequirement = NonNullable<LabelSelector['matchExpressions']>[number];
type Labels = Record<string, string> | undefined;

const QUALIFIED_NAME_MAX_LENGTH = 63;
const LABEL_VALUE_MAX_LENGTH = 63;
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const NAME_PART_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric " +
  `character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '${QUALIFIED_NAME_FMT}')`;

/**
 * Validates a label key (a qualified name: optional DNS-1123 subdomain prefix and '/', then a name
 * of at most 63 characters).
 * @returns Kubernetes' error message, or null when valid.
 */
export function validateLabelKey(key: string): string | null {
  const parts = key.split('/');
  if (parts.length > 2) {
    return `a qualified name ${NAME_PART_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`;
  }
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix.length === 0) return 'prefix part must be non-empty';
    const err = validateDns1123Subdomain(prefix);
    if (err !== null) return `prefix part ${err}`;
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > QUALIFIED_NAME_MAX_LENGTH) return `name part ${maxLenError(QUALIFIED_NAME_MAX_LENGTH)}`;
  if (!QUALIFIED_NAME_RE.test(name)) return `name part ${NAME_PART_MSG}`;
  return null;
}

/**
 * Validates a label value (at most 63 characters; may be empty).
 * @returns Kubernetes' error message, or null when valid.
 */
export function validateLabelValue(value: string): string | null {
  if (value.length > LABEL_VALUE_MAX_LENGTH) return maxLenError(LABEL_VALUE_MAX_LENGTH);
  if (!LABEL_VALUE_RE.test(value)) {
    return (
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and " +
      "must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', " +
      `regex used for validation is '${LABEL_VALUE_FMT}')`
    );
  }
  return null;
}

/** Validates a label map. @returns the first error as `<path>.<key>: message`, or null. */
export function validateLabels(labels: Labels, path: string): string | null {
  for (const [key, value] of Object.entries(labels ?? {})) {
    const err = validateLabelKey(key) ?? validateLabelValue(value);
    if (err !== null) return `${path}.${key}: ${err}`;
  }
  return null;
}

/** Validates a LabelSelector (`ValidateLabelSelector`). @returns the first error, or null. */
export function validateSelector(sel: LabelSelector | undefined, path: string): string | null {
  if (sel === undefined) return null;
  const err = validateLabels(sel.matchLabels, `${path}.matchLabels`);
  if (err !== null) return err;
  for (const [i, req] of (sel.matchExpressions ?? []).entries()) {
    const err = validateRequirement(req, `${path}.matchExpressions[${i}]`);
    if (err !== null) return err;
  }
  return null;
}

function validateRequirement(req: LabelSelectorRequirement, path: string): string | null {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0)
        return `${path}.values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`;
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        return `${path}.values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`;
      }
      break;
    default:
      return `${path}.operator: Invalid value: "${req.operator}": not a valid selector operator`;
  }
  const keyErr = validateLabelKey(req.key);
  if (keyErr !== null) return `${path}.key: Invalid value: "${req.key}": ${keyErr}`;
  for (const [j, v] of values.entries()) {
    const err = validateLabelValue(v);
    if (err !== null) return `${path}.values[${j}]: Invalid value: "${v}": ${err}`;
  }
  return null;
}

/** One compiled requirement; `values` is a Set so In/NotIn are O(1). */
interface Requirement {
  readonly key: string;
  readonly op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: ReadonlySet<string>;
}

/** A selector ready for matching. `nothing` marks a nil (or invalid) selector, which selects no object. */
export interface CompiledSelector {
  readonly nothing: boolean;
  readonly requirements: readonly Requirement[];
}

const NOTHING: CompiledSelector = Object.freeze({ nothing: true, requirements: [] });
const cache = new WeakMap<LabelSelector, CompiledSelector>();

/**
 * Compiles a selector like `LabelSelectorAsSelector`: nil selects nothing, `{}` selects everything.
 * An invalid selector (unknown operator, In without values) also selects nothing: Kubernetes
 * returns an error there and the controller does not act on any pod.
 * Results are cached per selector object, so selectors must not be mutated after first use.
 */
export function compileSelector(sel: LabelSelector | undefined | null): CompiledSelector {
  if (sel === undefined || sel === null) return NOTHING;
  let compiled = cache.get(sel);
  if (compiled === undefined) {
    compiled = doCompile(sel);
    cache.set(sel, compiled);
  }
  return compiled;
}

function doCompile(sel: LabelSelector): CompiledSelector {
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) {
    requirements.push({ key, op: 'In', values: new Set([value]) });
  }
  for (const req of sel.matchExpressions ?? []) {
    if (validateRequirement(req, '') !== null) return NOTHING;
    const op = req.operator as Requirement['op'];
    requirements.push({ key: req.key, op, values: new Set<string>(req.values ?? []) });
  }
  // Kubernetes sorts requirements by key; it makes formatSelector output canonical.
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { nothing: false, requirements };
}

/** Whether a compiled selector selects an object with these labels. */
export function selectorMatches(sel: CompiledSelector, labels: Labels): boolean {
  if (sel.nothing) return false;
  for (const r of sel.requirements) {
    const value = labels?.[r.key];
    const has = value !== undefined;
    switch (r.op) {
      case 'In':
        if (!has || !r.values.has(value)) return false;
        break;
      case 'NotIn':
        // A missing key satisfies NotIn, as in Kubernetes.
        if (has && r.values.has(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** Convenience: compile (cached) and match. */
export function matchesSelector(sel: LabelSelector | undefined | null, labels: Labels): boolean {
  return selectorMatches(compileSelector(sel), labels);
}

/** True for a selector with no requirements (`{}`), which selects everything. Nil is not empty. */
export function selectorIsEmpty(sel: LabelSelector | undefined | null): boolean {
  if (sel === undefined || sel === null) return false;
  return Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}

/**
 * Renders a selector in Kubernetes' string form (`app=web,tier in (a,b),!canary`), requirements
 * sorted by key and values sorted. `{}` renders as '' (like `labels.Everything()`); nil as '<none>'.
 */
export function formatSelector(sel: LabelSelector | undefined | null): string {
  const compiled = compileSelector(sel);
  if (compiled.nothing) return sel === undefined || sel === null ? '<none>' : '<invalid>';
  return compiled.requirements.map(formatRequirement).join(',');
}

function formatRequirement(r: Requirement): string {
  const values = [...r.values].sort();
  switch (r.op) {
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
    case 'In':
      return values.length === 1 ? `${r.key}=${values[0]}` : `${r.key} in (${values.join(',')})`;
    case 'NotIn':
      return values.length === 1 ? `${r.key}!=${values[0]}` : `${r.key} notin (${values.join(',')})`;
  }
}

/** Two label maps are equal as maps (Go's reflect.DeepEqual on map[string]string: order aside). */
export function sameLabels(a: Labels | undefined, b: Labels | undefined): boolean {
  if (a === b) return true;
  const x = a ?? {};
  const y = b ?? {};
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (x[k] !== y[k] || !Object.hasOwn(y, k)) return false;
  return true;
}
