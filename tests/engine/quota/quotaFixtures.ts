import { createCluster, type Cluster } from '../../../src/engine';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

export function cluster(): Cluster {
  return createCluster({ nodes: 2 });
}

export function ok(c: Cluster, yaml: string): void {
  const r = c.apply(yaml);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
}

/** The first error message of an apply that must fail. */
export function refusal(c: Cluster, yaml: string): string {
  const r = c.apply(yaml);
  if (r.ok) throw new Error('expected the apply to be refused');
  return r.errors[0].message;
}

export function quota(name: string, hard: Record<string, string>, extra = ''): string {
  const lines = Object.entries(hard).map(([k, v]) => `    ${k}: "${v}"`).join('\n');
  return `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: ${name}\nspec:\n${extra}  hard:\n${lines}\n`;
}

/** A Pod with one container `app`; `resources` is a flow mapping such as `{requests: {cpu: 1}}`. */
export function pod(name: string, resources = '{}', specExtra = ''): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${specExtra}  containers:\n  - name: app\n    image: nginx:1.27\n` +
    `    resources: ${resources}\n`;
}

export function quotaStatus(c: Cluster, name: string): Obj {
  return ((c.get('ResourceQuota', name) as Obj | undefined)?.status ?? {}) as Obj;
}
