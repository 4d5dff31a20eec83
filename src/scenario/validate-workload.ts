/**
 * Spec validation for apps/v1 workloads (`pkg/apis/apps/validation`): replicas, selector and
 * template, and each kind's update strategy.
 */
import { matchesSelector, selectorIsEmpty, validateSelector } from '../model/labels.ts';
import { validateDns1123Subdomain } from '../model/names.ts';
import type { LabelSelector } from '../model/types.ts';
import { checkPodTemplate } from './validate-pod.ts';
import {
  type Check,
  checkArray,
  checkEnum,
  checkInt,
  checkIntOrPercent,
  checkRecord,
  firstOf,
  forbidden,
  fromPathMessage,
  invalid,
  isRecord,
  isZeroIntOrPercent,
  required,
  show,
} from './validate-util.ts';

type Spec = Record<string, unknown>;

/** Replicas, minReadySeconds, revisionHistoryLimit, selector, template and their agreement. */
export function checkWorkloadCommon(spec: Spec, kind: string): Check {
  return firstOf(
    () => checkInt(spec.replicas, 'spec.replicas', 0),
    () => checkInt(spec.minReadySeconds, 'spec.minReadySeconds', 0),
    () => checkInt(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit', 0),
    () => checkSelector(spec.selector, kind),
    () => checkPodTemplate(spec.template, 'spec.template'),
    () => checkSelectorMatchesTemplate(spec),
  );
}

function checkSelector(sel: unknown, kind: string): Check {
  if (sel === undefined || sel === null) return required('spec.selector');
  if (!isRecord(sel)) return invalid('spec.selector', sel, 'must be an object');
  const shape =
    checkRecord(sel.matchLabels, 'spec.selector.matchLabels') ??
    checkArray(sel.matchExpressions, 'spec.selector.matchExpressions');
  if (shape !== null) return shape;
  for (const [i, req] of ((sel.matchExpressions as unknown[] | undefined) ?? []).entries()) {
    if (!isRecord(req)) return invalid(`spec.selector.matchExpressions[${i}]`, req, 'must be an object');
  }
  if (selectorIsEmpty(sel as LabelSelector)) {
    // The API server says "for deployment" for every apps/v1 kind; naming the real kind reads better.
    return invalid('spec.selector', sel, `empty selector is invalid for ${kind.toLowerCase()}`);
  }
  return fromPathMessage(validateSelector(sel as LabelSelector, 'spec.selector'));
}

function checkSelectorMatchesTemplate(spec: Spec): Check {
  const tpl = spec.template as { metadata?: { labels?: Record<string, string> } };
  const labels = tpl.metadata?.labels ?? {};
  if (matchesSelector(spec.selector as LabelSelector, labels)) return null;
  return {
    field: 'spec.template.metadata.labels',
    message: `spec.template.metadata.labels: Invalid value: ${show(labels)}: \`selector\` does not match template \`labels\``,
  };
}

/** Deployment: strategy type and rolling-update fenceposts. */
export function checkDeploymentSpec(spec: Spec): Check {
  const common = checkWorkloadCommon(spec, 'Deployment');
  if (common !== null) return common;
  const strategy = spec.strategy;
  const shape = checkRecord(strategy, 'spec.strategy');
  if (shape !== null) return shape;
  const s = (strategy ?? {}) as Spec;
  const typeErr = checkEnum(s.type, 'spec.strategy.type', ['Recreate', 'RollingUpdate']);
  if (typeErr !== null) return typeErr;
  if (s.type === 'Recreate' && s.rollingUpdate !== undefined && s.rollingUpdate !== null) {
    return forbidden(
      'spec.strategy.rollingUpdate',
      "may not be specified when strategy `type` is 'Recreate'",
    );
  }
  const rolling = checkRollingUpdate(s.rollingUpdate, 'spec.strategy.rollingUpdate', '25%', '25%');
  if (rolling !== null) return rolling;
  const deadline = spec.progressDeadlineSeconds;
  const deadlineErr = checkInt(deadline, 'spec.progressDeadlineSeconds', 0);
  if (deadlineErr !== null) return deadlineErr;
  if (typeof deadline === 'number' && deadline <= ((spec.minReadySeconds as number | undefined) ?? 0)) {
    return invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds');
  }
  return null;
}

/** maxUnavailable / maxSurge: valid values, and not both zero once defaults are applied. */
function checkRollingUpdate(ru: unknown, field: string, defUnavailable: unknown, defSurge: unknown): Check {
  const shape = checkRecord(ru, field);
  if (shape !== null || ru === undefined || ru === null) return shape;
  const r = ru as Spec;
  const unavailable = r.maxUnavailable ?? defUnavailable;
  const surge = r.maxSurge ?? defSurge;
  const err =
    checkIntOrPercent(r.maxUnavailable, `${field}.maxUnavailable`, true) ??
    checkIntOrPercent(r.maxSurge, `${field}.maxSurge`);
  if (err !== null) return err;
  if (isZeroIntOrPercent(unavailable) && isZeroIntOrPercent(surge)) {
    return invalid(`${field}.maxUnavailable`, unavailable, 'may not be 0 when `maxSurge` is 0');
  }
  return null;
}

/** DaemonSet (no replicas: the schema rejects that field): updateStrategy RollingUpdate (maxUnavailable/maxSurge) or OnDelete. */
export function checkDaemonSetSpec(spec: Spec): Check {
  const common = checkWorkloadCommon(spec, 'DaemonSet');
  if (common !== null) return common;
  const strategy = spec.updateStrategy;
  const shape = checkRecord(strategy, 'spec.updateStrategy');
  if (shape !== null) return shape;
  const s = (strategy ?? {}) as Spec;
  return (
    checkEnum(s.type, 'spec.updateStrategy.type', ['RollingUpdate', 'OnDelete']) ??
    checkRollingUpdate(s.rollingUpdate, 'spec.updateStrategy.rollingUpdate', 1, 0)
  );
}

/** StatefulSet: pod management, update strategy, claim templates, retention policy, ordinals. */
export function checkStatefulSetSpec(spec: Spec): Check {
  return firstOf(
    () => checkWorkloadCommon(spec, 'StatefulSet'),
    () => checkEnum(spec.podManagementPolicy, 'spec.podManagementPolicy', ['OrderedReady', 'Parallel']),
    () => checkStatefulSetStrategy(spec.updateStrategy),
    () => checkClaimTemplates(spec.volumeClaimTemplates),
    () => checkRetention(spec.persistentVolumeClaimRetentionPolicy),
    () =>
      checkRecord(spec.ordinals, 'spec.ordinals') ??
      checkInt((spec.ordinals as Spec | undefined)?.start, 'spec.ordinals.start', 0),
  );
}

function checkStatefulSetStrategy(strategy: unknown): Check {
  const shape = checkRecord(strategy, 'spec.updateStrategy');
  if (shape !== null || strategy === undefined || strategy === null) return shape;
  const s = strategy as Spec;
  const typeErr = checkEnum(s.type, 'spec.updateStrategy.type', ['RollingUpdate', 'OnDelete']);
  if (typeErr !== null) return typeErr;
  const ru = s.rollingUpdate;
  if (ru === undefined || ru === null) return null;
  if (s.type === 'OnDelete') {
    return invalid(
      'spec.updateStrategy.rollingUpdate',
      ru,
      "only allowed for updateStrategy 'RollingUpdate'",
    );
  }
  const ruShape = checkRecord(ru, 'spec.updateStrategy.rollingUpdate');
  if (ruShape !== null) return ruShape;
  const r = ru as Spec;
  const field = 'spec.updateStrategy.rollingUpdate';
  const err =
    checkInt(r.partition, `${field}.partition`, 0) ??
    checkIntOrPercent(r.maxUnavailable, `${field}.maxUnavailable`, true);
  if (err !== null) return err;
  if (r.maxUnavailable !== undefined && isZeroIntOrPercent(r.maxUnavailable)) {
    return invalid(`${field}.maxUnavailable`, r.maxUnavailable, 'must be greater than 0');
  }
  return null;
}

function checkClaimTemplates(v: unknown): Check {
  const shape = checkArray(v, 'spec.volumeClaimTemplates');
  if (shape !== null || !Array.isArray(v)) return shape;
  const seen = new Set<string>();
  for (const [i, t] of v.entries()) {
    const field = `spec.volumeClaimTemplates[${i}]`;
    if (!isRecord(t)) return invalid(field, t, 'must be an object');
    const name = isRecord(t.metadata) ? t.metadata.name : undefined;
    if (typeof name !== 'string' || name === '')
      return required(`${field}.metadata.name`, 'name or generateName is required');
    const err = validateDns1123Subdomain(name);
    if (err !== null) return invalid(`${field}.metadata.name`, name, err);
    if (seen.has(name))
      return {
        field: `${field}.metadata.name`,
        message: `${field}.metadata.name: Duplicate value: "${name}"`,
      };
    seen.add(name);
  }
  return null;
}

function checkRetention(v: unknown): Check {
  const field = 'spec.persistentVolumeClaimRetentionPolicy';
  const shape = checkRecord(v, field);
  if (shape !== null || v === undefined || v === null) return shape;
  const p = v as Spec;
  return (
    checkEnum(p.whenDeleted, `${field}.whenDeleted`, ['Retain', 'Delete']) ??
    checkEnum(p.whenScaled, `${field}.whenScaled`, ['Retain', 'Delete'])
  );
}
