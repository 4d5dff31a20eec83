/**
 * Validation of object metadata, pod specs and pod templates, following the API server's
 * `ValidateObjectMeta`, `ValidatePodSpec` and `ValidatePodTemplateSpec` for the fields the
 * simulator reads. Fields kubeprop ignores are accepted as the API server would accept them.
 */
import { validateLabels } from '../model/labels.ts';
import { validateDns1123Label, validateDns1123Subdomain } from '../model/names.ts';
import { validateToleration } from '../model/taints.ts';
import type { Toleration } from '../model/types.ts';
import {
  type Check,
  checkArray,
  checkEnum,
  checkInt,
  checkRecord,
  firstOf,
  fromPathMessage,
  invalid,
  isRecord,
  required,
  unsupported,
} from './validate-util.ts';

/** Validates `metadata` (name required, namespace a DNS label, labels). */
export function checkObjectMeta(meta: unknown, nameRule: (s: string) => string | null): Check {
  if (!isRecord(meta))
    return meta === undefined
      ? required('metadata.name', 'name or generateName is required')
      : invalid('metadata', meta, 'must be an object');
  const { name, namespace } = meta;
  if (name === undefined || name === null || name === '') {
    return required('metadata.name', 'name or generateName is required');
  }
  if (typeof name !== 'string') return invalid('metadata.name', name, 'must be a string');
  const nameErr = nameRule(name);
  if (nameErr !== null) return invalid('metadata.name', name, nameErr);
  if (namespace !== undefined && namespace !== null) {
    const nsErr = typeof namespace === 'string' ? validateDns1123Label(namespace) : 'must be a string';
    if (nsErr !== null) return invalid('metadata.namespace', namespace, nsErr);
  }
  return (
    checkStringMap(meta.labels, 'metadata.labels') ??
    checkStringMap(meta.annotations, 'metadata.annotations', false)
  );
}

/** A map of strings (labels, annotations, nodeSelector); label rules apply when `labels`. */
export function checkStringMap(v: unknown, field: string, labels = true): Check {
  const shape = checkRecord(v, field);
  if (shape !== null || v === undefined || v === null) return shape;
  for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
    if (typeof value !== 'string') return invalid(`${field}.${key}`, value, 'must be a string');
  }
  return labels ? fromPathMessage(validateLabels(v as Record<string, string>, field)) : null;
}

const POD_RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] as const;

/**
 * Validates a PodSpec at `field`. `restartPolicies` narrows the allowed values: workload templates
 * only allow Always.
 */
export function checkPodSpec(
  spec: unknown,
  field: string,
  restartPolicies: readonly string[] = POD_RESTART_POLICIES,
): Check {
  if (!isRecord(spec))
    return spec === undefined || spec === null ? required(field) : invalid(field, spec, 'must be an object');
  return firstOf(
    () => checkContainers(spec.containers, `${field}.containers`),
    () => checkEnum(spec.restartPolicy, `${field}.restartPolicy`, restartPolicies),
    () => checkEnum(spec.dnsPolicy, `${field}.dnsPolicy`, DNS_POLICIES),
    // An int64 in the Go type: only the schema's safe-integer bound applies above.
    () =>
      checkInt(
        spec.terminationGracePeriodSeconds,
        `${field}.terminationGracePeriodSeconds`,
        0,
        Number.MAX_SAFE_INTEGER,
      ),
    () => checkStringMap(spec.nodeSelector, `${field}.nodeSelector`),
    () => checkNodeName(spec.nodeName, `${field}.nodeName`),
    () => checkTolerations(spec.tolerations, `${field}.tolerations`),
  );
}

function checkContainers(containers: unknown, field: string): Check {
  if (containers === undefined || containers === null) return required(field);
  if (!Array.isArray(containers)) return invalid(field, containers, 'must be a list');
  if (containers.length === 0) return required(field);
  const seen = new Set<string>();
  for (const [i, c] of containers.entries()) {
    const at = `${field}[${i}]`;
    if (!isRecord(c)) return invalid(at, c, 'must be an object');
    if (typeof c.name !== 'string' || c.name === '') return required(`${at}.name`);
    const nameErr = validateDns1123Label(c.name);
    if (nameErr !== null) return invalid(`${at}.name`, c.name, nameErr);
    if (seen.has(c.name)) return { field: `${at}.name`, message: `${at}.name: Duplicate value: "${c.name}"` };
    seen.add(c.name);
    if (typeof c.image !== 'string' || c.image.trim() === '') return required(`${at}.image`);
  }
  return null;
}

function checkNodeName(v: unknown, field: string): Check {
  if (v === undefined || v === null || v === '') return null;
  const err = typeof v === 'string' ? validateDns1123Subdomain(v) : 'must be a string';
  return err === null ? null : invalid(field, v, err);
}

function checkTolerations(v: unknown, field: string): Check {
  const shape = checkArray(v, field);
  if (shape !== null || !Array.isArray(v)) return shape;
  for (const [i, t] of v.entries()) {
    if (!isRecord(t)) return invalid(`${field}[${i}]`, t, 'must be an object');
    const err = validateToleration(t as Toleration, `${field}[${i}]`);
    if (err !== null) return fromPathMessage(err);
  }
  return null;
}

/** Validates a workload's `spec.template` (labels, and a pod spec whose restartPolicy is Always). */
export function checkPodTemplate(tpl: unknown, field: string): Check {
  if (!isRecord(tpl))
    return tpl === undefined || tpl === null ? required(field) : invalid(field, tpl, 'must be an object');
  const meta = tpl.metadata;
  const metaErr = checkRecord(meta, `${field}.metadata`);
  if (metaErr !== null) return metaErr;
  if (isRecord(meta)) {
    const labelErr =
      checkStringMap(meta.labels, `${field}.metadata.labels`) ??
      checkStringMap(meta.annotations, `${field}.metadata.annotations`, false);
    if (labelErr !== null) return labelErr;
  }
  const restart = `${field}.spec.restartPolicy`;
  if (isRecord(tpl.spec) && tpl.spec.restartPolicy !== undefined && tpl.spec.restartPolicy !== 'Always') {
    return unsupported(restart, tpl.spec.restartPolicy, ['Always']);
  }
  return checkPodSpec(tpl.spec, `${field}.spec`, ['Always']);
}
