/**
 * Node selection by labels and fields: `nodeSelector`, required and preferred node affinity.
 * upstream: k8s.io/component-helpers/scheduling/corev1/nodeaffinity
 */
import type {
  Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, PreferredSchedulingTerm,
} from 'kubernetes-types/core/v1';

type Labels = Record<string, string>;
type Matcher = (labels: Labels, name: string) => boolean;

const INTEGER = /^[+-]?\d+$/;

/** A label requirement; undefined when it cannot be parsed (upstream drops such a term). */
function labelRequirement(req: NodeSelectorRequirement): Matcher | undefined {
  const values = req.values ?? [];
  const has = (l: Labels) => Object.prototype.hasOwnProperty.call(l, req.key);
  switch (req.operator) {
    case 'In':
      return values.length ? (l) => has(l) && values.includes(l[req.key]) : undefined;
    case 'NotIn':
      return values.length ? (l) => !has(l) || !values.includes(l[req.key]) : undefined;
    case 'Exists':
      return values.length ? undefined : (l) => has(l);
    case 'DoesNotExist':
      return values.length ? undefined : (l) => !has(l);
    case 'Gt':
    case 'Lt': {
      if (values.length !== 1 || !INTEGER.test(values[0])) return undefined;
      const bound = Number(values[0]);
      return (l) => {
        if (!has(l) || !INTEGER.test(l[req.key])) return false;
        const v = Number(l[req.key]);
        return req.operator === 'Gt' ? v > bound : v < bound;
      };
    }
    default:
      return undefined;
  }
}

/** Node fields: only `metadata.name`, with In/NotIn and exactly one value. */
function fieldRequirement(req: NodeSelectorRequirement): Matcher | undefined {
  const values = req.values ?? [];
  if (req.key !== 'metadata.name' || values.length !== 1) return undefined;
  if (req.operator === 'In') return (_l, name) => name === values[0];
  if (req.operator === 'NotIn') return (_l, name) => name !== values[0];
  return undefined;
}

/** A term ANDs its requirements; an empty or unparsable term matches no node. */
function compileTerm(term: NodeSelectorTerm): Matcher | undefined {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return undefined;
  const matchers = [...exprs.map(labelRequirement), ...fields.map(fieldRequirement)];
  if (matchers.some((m) => !m)) return undefined;
  return (l, name) => matchers.every((m) => m!(l, name));
}

export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: Node): boolean {
  const m = compileTerm(term);
  return !!m && m(node.metadata?.labels ?? {}, node.metadata?.name ?? '');
}

/** The terms are ORed. */
export function nodeSelectorTermsMatch(terms: readonly NodeSelectorTerm[], node: Node): boolean {
  return terms.some((t) => nodeSelectorTermMatches(t, node));
}

/** `spec.nodeSelector` AND the required node affinity (upstream GetRequiredNodeAffinity.Match). */
export function requiredNodeAffinityMatches(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  const selector = pod.spec?.nodeSelector ?? {};
  if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return !required || nodeSelectorTermsMatch(required.nodeSelectorTerms ?? [], node);
}

/** Sum of the weights of the preferred terms the node matches (empty or zero-weight terms ignored). */
export function preferredNodeAffinityScore(terms: readonly PreferredSchedulingTerm[], node: Node): number {
  let score = 0;
  for (const t of terms) {
    if (!t.weight) continue;
    if (nodeSelectorTermMatches(t.preference, node)) score += t.weight;
  }
  return score;
}
