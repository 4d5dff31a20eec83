/**
 * `spec.cluster.nodes`: named nodes and `count:` templates, expanded into one NodeSpec per node.
 */
import { validateLabels } from '../model/labels.ts';
import { validateDns1123Subdomain } from '../model/names.ts';
import { validateTaint } from '../model/taints.ts';
import type { Taint } from '../model/types.ts';
import { type Fields, isMap, readBool, readInt, readMap, readString, typeName } from './fields.ts';
import { CLUSTER_FIELDS, keysOf, NAMED_NODE_FIELDS, NODE_TEMPLATE_FIELDS, TAINT_FIELDS } from './keys.ts';
import { type Path, type SourceDoc, splitField } from './source.ts';
import type { NodeSpec } from './types.ts';

export const DEFAULT_POD_CAPACITY = 110;
export const MAX_POD_CAPACITY = 10_000;
/** 4× the Kubernetes scalability limit of 5,000 nodes: anything larger is a typo. */
export const MAX_NODES = 20_000;

const NAMED_KEYS = keysOf(NAMED_NODE_FIELDS);
const TEMPLATE_KEYS = keysOf(NODE_TEMPLATE_FIELDS);

/** Reads `spec.cluster` and returns the expanded node list (names unique). */
export function parseCluster(src: SourceDoc, path: Path, v: unknown): NodeSpec[] {
  if (v === undefined || v === null) return [];
  const cluster = readMap(src, path, v, keysOf(CLUSTER_FIELDS), 'spec.cluster');
  const list = cluster.nodes;
  if (list === undefined || list === null) return [];
  const listPath = [...path, 'nodes'];
  if (!Array.isArray(list))
    throw src.error(listPath, `spec.cluster.nodes must be a list, got ${typeName(list)}`);
  const nodes: NodeSpec[] = [];
  const seen = new Set<string>();
  for (const [i, item] of list.entries()) {
    const at = [...listPath, i];
    if (!isMap(item)) throw src.error(at, `a node must be a map with name (or count), got ${typeName(item)}`);
    if (!('count' in item) && nodes.length >= MAX_NODES) {
      throw src.error(at, `the cluster would have more than ${MAX_NODES} nodes`);
    }
    const expanded =
      'count' in item ? expandTemplate(src, at, item, nodes.length) : [readNamedNode(src, at, item)];
    for (const node of expanded) {
      if (seen.has(node.name)) {
        const hint = 'count' in item ? '; give this template a different namePrefix' : '';
        throw src.error('count' in item ? at : [...at, 'name'], `duplicate node name "${node.name}"${hint}`);
      }
      seen.add(node.name);
      nodes.push(node);
    }
  }
  return nodes;
}

function readNamedNode(src: SourceDoc, at: Path, item: Fields): NodeSpec {
  readMap(src, at, item, NAMED_KEYS, 'a node');
  if (item.name === undefined || item.name === null)
    throw src.error(at, 'a node needs a "name" (or "count" for a template)');
  const name = readString(src, [...at, 'name'], item.name, 'node name');
  const err = validateDns1123Subdomain(name);
  if (err !== null) throw src.error([...at, 'name'], `invalid node name "${name}": ${err}`);
  return { name, ...readNodeProps(src, at, item) };
}

function expandTemplate(src: SourceDoc, at: Path, item: Fields, existing: number): NodeSpec[] {
  readMap(src, at, item, TEMPLATE_KEYS, 'a node template');
  const count = readInt(src, [...at, 'count'], item.count, 'count', 1, MAX_NODES);
  if (existing + count > MAX_NODES) {
    throw src.error(
      [...at, 'count'],
      `the cluster would have ${existing + count} nodes; kubeprop allows at most ${MAX_NODES}`,
    );
  }
  const prefix =
    item.namePrefix === undefined
      ? 'node-'
      : readString(src, [...at, 'namePrefix'], item.namePrefix, 'namePrefix');
  const props = readNodeProps(src, at, item);
  const lastName = `${prefix}${count}`;
  const err = validateDns1123Subdomain(lastName);
  if (err !== null)
    throw src.error(
      [...at, 'namePrefix'],
      `namePrefix "${prefix}" gives invalid node names like "${lastName}": ${err}`,
    );
  const nodes: NodeSpec[] = [];
  for (let i = 1; i <= count; i++) {
    // Each node gets its own label map and taint list, so the simulator may mutate one node safely.
    nodes.push({
      ...props,
      name: `${prefix}${i}`,
      labels: { ...props.labels },
      taints: props.taints.map((t) => ({ ...t })),
    });
  }
  return nodes;
}

function readNodeProps(src: SourceDoc, at: Path, item: Fields): Omit<NodeSpec, 'name'> {
  const labels = readNodeLabels(src, [...at, 'labels'], item.labels);
  const taints = readTaints(src, [...at, 'taints'], item.taints);
  const unschedulable =
    item.unschedulable === undefined
      ? false
      : readBool(src, [...at, 'unschedulable'], item.unschedulable, 'unschedulable');
  const podCapacity =
    item.podCapacity === undefined
      ? DEFAULT_POD_CAPACITY
      : readInt(src, [...at, 'podCapacity'], item.podCapacity, 'podCapacity', 1, MAX_POD_CAPACITY);
  return { labels, taints, unschedulable, podCapacity };
}

/** A label map (string values; numbers and booleans are quoted by users in real YAML too). */
export function readNodeLabels(src: SourceDoc, path: Path, v: unknown): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isMap(v)) throw src.error(path, `labels must be a map, got ${typeName(v)}`);
  for (const [key, value] of Object.entries(v)) {
    if (typeof value !== 'string')
      throw src.error(
        [...path, key],
        `label "${key}" must have a string value, got ${typeName(value)} (quote it)`,
      );
  }
  const labels = v as Record<string, string>;
  const err = validateLabels(labels, 'labels');
  if (err !== null)
    throw src.error([...path.slice(0, -1), ...splitField(err.slice(0, err.indexOf(': ')))], err, true);
  return { ...labels };
}

/** A list of taints `{key, value?, effect}`. */
export function readTaints(src: SourceDoc, path: Path, v: unknown): Taint[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw src.error(path, `taints must be a list, got ${typeName(v)}`);
  return v.map((t, i) => readTaint(src, [...path, i], t, `taints[${i}]`));
}

/** One taint, validated like a Node's `spec.taints[i]`. */
export function readTaint(src: SourceDoc, at: Path, t: unknown, what: string): Taint {
  const m = readMap(src, at, t, keysOf(TAINT_FIELDS), 'a taint');
  for (const key of ['key', 'value', 'effect'] as const) {
    if (m[key] !== undefined && typeof m[key] !== 'string')
      throw src.error([...at, key], `${what}.${key} must be a string, got ${typeName(m[key])}`);
  }
  const taint = { ...m } as unknown as Taint;
  const err = validateTaint(taint, what);
  if (err !== null) throw src.error(at, err);
  return taint;
}
