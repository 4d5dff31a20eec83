/**
 * Kubernetes manifests in scenarios: validation that rejects what the API server would reject, and
 * the API server's defaulting (k8s-semantics.md). Both are pure and cheap, because property tests
 * and the simulator call them for every generated object.
 */

import { applyDefaults } from '../model/defaults.ts';
import { validateDns1123Label, validateDns1123Subdomain } from '../model/names.ts';
import { didYouMean } from '../model/suggest.ts';
import type { KObject } from '../model/types.ts';
import { checkObjectMeta, checkPodSpec, checkStringMap } from './validate-pod.ts';
import { builtinApiVersions, builtinKinds, checkSchema } from './validate-schema.ts';
import {
  type Check,
  checkArray,
  checkEnum,
  checkInt,
  firstOf,
  invalid,
  isRecord,
  type ManifestError,
  required,
} from './validate-util.ts';
import {
  checkDaemonSetSpec,
  checkDeploymentSpec,
  checkStatefulSetSpec,
  checkWorkloadCommon,
} from './validate-workload.ts';

export type { ManifestError } from './validate-util.ts';

type Spec = Record<string, unknown>;

interface KindRule {
  apiVersion: string;
  /** Name rule of the kind (`ValidateXxxName`). */
  name: (s: string) => string | null;
  spec: (spec: Spec) => Check;
  /** Whether `spec` must be present. */
  specRequired: boolean;
}

/**
 * DNS-1035 label, Service names: a DNS-1123 label that starts with a letter (services become DNS
 * names and environment variables).
 */
function dns1035Label(s: string): string | null {
  const err = validateDns1123Label(s);
  if (err !== null) return err.replace('RFC 1123', 'RFC 1035');
  return /^[a-z]/.test(s)
    ? null
    : "a DNS-1035 label must start with an alphabetic character (e.g. 'my-name',  or 'abc-123')";
}

const KINDS: Readonly<Record<string, KindRule>> = {
  ReplicaSet: {
    apiVersion: 'apps/v1',
    name: validateDns1123Subdomain,
    spec: (s) => checkWorkloadCommon(s, 'ReplicaSet'),
    specRequired: true,
  },
  Deployment: {
    apiVersion: 'apps/v1',
    name: validateDns1123Subdomain,
    spec: checkDeploymentSpec,
    specRequired: true,
  },
  DaemonSet: {
    apiVersion: 'apps/v1',
    name: validateDns1123Subdomain,
    spec: checkDaemonSetSpec,
    specRequired: true,
  },
  // Kubernetes accepts subdomain names here, but each pod's hostname is `<set>-<i>`, which must be a
  // DNS label, so a dotted StatefulSet name can never run a pod.
  StatefulSet: {
    apiVersion: 'apps/v1',
    name: validateDns1123Label,
    spec: checkStatefulSetSpec,
    specRequired: true,
  },
  Pod: {
    apiVersion: 'v1',
    name: validateDns1123Subdomain,
    spec: (s) => checkPodSpec(s, 'spec'),
    specRequired: true,
  },
  Service: { apiVersion: 'v1', name: dns1035Label, spec: checkServiceSpec, specRequired: false },
  PersistentVolumeClaim: {
    apiVersion: 'v1',
    name: validateDns1123Subdomain,
    spec: checkClaimSpec,
    specRequired: true,
  },
};

/** The kinds a scenario may contain, in the order `--help` lists them. */
export const MANIFEST_KINDS: readonly string[] = Object.keys(KINDS);

/**
 * Validates one manifest as the API server would (kind/apiVersion known, metadata, spec), after
 * the strict schema check `kubectl apply --validate=strict` makes (unknown fields, types, enums).
 * @param where the file it came from; named in messages that need more context than a field.
 * @returns the first problem (`field` is a dotted path inside the object), or null when valid.
 */
export function validateManifest(obj: unknown, where: { path: string }): ManifestError | null {
  if (!isRecord(obj))
    return {
      field: '',
      message: `a manifest must be a map with apiVersion, kind and metadata (in ${where.path})`,
    };
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== 'string' || apiVersion === '')
    return required('apiVersion', 'apiVersion must be set');
  if (typeof kind !== 'string' || kind === '') return required('kind', 'kind must be set');
  const rule = KINDS[kind];
  if (rule === undefined || rule.apiVersion !== apiVersion) return unknownKind(kind, apiVersion, rule);
  const err = firstOf(
    () => checkSchema(obj, kind, 'shape'),
    () => checkMetaAndSpec(obj, rule),
    () => checkSchema(obj, kind, 'required'),
  );
  return err === null ? null : prefix(kind, obj, err);
}

function checkMetaAndSpec(obj: Record<string, unknown>, rule: KindRule): Check {
  const metaErr = checkObjectMeta(obj.metadata, rule.name);
  if (metaErr !== null) return metaErr;
  if (obj.spec === undefined || obj.spec === null) return rule.specRequired ? required('spec') : null;
  if (!isRecord(obj.spec)) return invalid('spec', obj.spec, 'must be an object');
  return rule.spec(obj.spec);
}

/**
 * Why kubeprop skips a manifest: a kind Kubernetes has (ConfigMap, Secret, Ingress, ...) or a
 * custom resource (an API group of its own), that no part of the simulator gives a meaning to.
 * @returns the reason, or null for a modelled kind or a manifest that is plain wrong (a misspelt
 *   kind, an apiVersion Kubernetes does not serve the kind in), which validateManifest rejects.
 */
export function unmodelledReason(obj: unknown): string | null {
  if (!isRecord(obj)) return null;
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || kind === '') return null;
  if (KINDS[kind] !== undefined) return null;
  const served = builtinApiVersions(kind);
  if (served?.includes(apiVersion)) return `kubeprop does not model ${kind}`;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const customGroup = group.includes('.') && !group.endsWith('.k8s.io');
  return served === undefined && customGroup
    ? `kubeprop does not model custom resources (${apiVersion})`
    : null;
}

function unknownKind(kind: string, apiVersion: string, rule: KindRule | undefined): ManifestError {
  const supported = Object.entries(KINDS)
    .map(([k, r]) => `${r.apiVersion} ${k}`)
    .join(', ');
  const field = rule === undefined ? 'kind' : 'apiVersion';
  const noMatch = `no matches for kind "${kind}" in version "${apiVersion}"`;
  const served = builtinApiVersions(kind);
  if (rule === undefined && served?.includes(apiVersion)) {
    return { field, message: `kubeprop does not model ${kind} (kubeprop supports ${supported})` };
  }
  const guess = rule === undefined && served === undefined ? didYouMean(kind, builtinKinds()) : '';
  return { field, message: `${noMatch}${guess} (kubeprop supports ${supported})` };
}

/** Prefixes a field error with the object, as `kubectl apply` does: `StatefulSet "web" is invalid: ...`. */
function prefix(kind: string, obj: Record<string, unknown>, err: ManifestError): ManifestError {
  const name = isRecord(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : '';
  return { ...err, message: `${kind} "${name}" is invalid: ${err.message}` };
}

function checkServiceSpec(spec: Spec): Check {
  const ports = spec.ports;
  const shape = checkArray(ports, 'spec.ports');
  if (shape !== null) return shape;
  for (const [i, p] of ((ports as unknown[] | undefined) ?? []).entries()) {
    if (!isRecord(p)) return invalid(`spec.ports[${i}]`, p, 'must be an object');
    if (p.port === undefined) return required(`spec.ports[${i}].port`);
    const err = checkInt(p.port, `spec.ports[${i}].port`, 1);
    if (err !== null) return err;
    if ((p.port as number) > 65535)
      return invalid(`spec.ports[${i}].port`, p.port, 'must be between 1 and 65535, inclusive');
  }
  return checkStringMap(spec.selector, 'spec.selector');
}

const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'] as const;

function checkClaimSpec(spec: Spec): Check {
  const modes = spec.accessModes;
  if (!Array.isArray(modes) || modes.length === 0) {
    return modes === undefined || Array.isArray(modes)
      ? required('spec.accessModes', 'at least 1 access mode is required')
      : invalid('spec.accessModes', modes, 'must be a list');
  }
  return firstOf(...modes.map((m, i) => () => checkEnum(m, `spec.accessModes[${i}]`, ACCESS_MODES)), () => {
    const requests =
      isRecord(spec.resources) && isRecord(spec.resources.requests) ? spec.resources.requests : undefined;
    return requests?.storage === undefined ? required('spec.resources[storage]') : null;
  });
}

/** The API server's defaulting lives in model/ (docs/architecture.md): the create-object fault needs it too. */
export { applyDefaults };

/**
 * Finds the first object whose kind, namespace and name repeat an earlier one (the API server
 * answers AlreadyExists).
 * @returns its index and message, or null.
 */
export function findDuplicateObject(objects: readonly KObject[]): { index: number; message: string } | null {
  const seen = new Set<string>();
  for (const [index, o] of objects.entries()) {
    const key = `${o.kind}/${o.metadata.namespace ?? 'default'}/${o.metadata.name}`;
    if (seen.has(key)) {
      return {
        index,
        message: `${o.kind} "${o.metadata.name}" already exists in namespace "${o.metadata.namespace ?? 'default'}"`,
      };
    }
    seen.add(key);
  }
  return null;
}
