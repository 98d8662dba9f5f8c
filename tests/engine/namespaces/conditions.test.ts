import { describe, expect, it } from 'vitest';
import { namespaceConditions, type ContentTotals } from '../../../src/engine/controllers/namespace/conditions';

const NONE: ContentTotals = { remaining: {}, finalizers: {}, errors: [] };

describe('namespace deletion conditions', () => {
  it.each([
    ['nothing left', NONE, {}],
    ['pods remaining', { ...NONE, remaining: { 'pods.': 2 } },
      { NamespaceContentRemaining: ['True', 'SomeResourcesRemain', 'Some resources are remaining: pods. has 2 resource instances'] }],
    ['several types, sorted', { ...NONE, remaining: { 'pods.': 1, 'deployments.apps': 3, 'configmaps.': 0 } },
      { NamespaceContentRemaining: ['True', 'SomeResourcesRemain',
        'Some resources are remaining: deployments.apps has 3 resource instances, pods. has 1 resource instances'] }],
    ['finalizers', { ...NONE, remaining: { 'persistentvolumeclaims.': 1 }, finalizers: { 'kubernetes.io/pvc-protection': 1 } },
      {
        NamespaceContentRemaining: ['True', 'SomeResourcesRemain', 'Some resources are remaining: persistentvolumeclaims. has 1 resource instances'],
        NamespaceFinalizersRemaining: ['True', 'SomeFinalizersRemain',
          'Some content in the namespace has finalizers remaining: kubernetes.io/pvc-protection in 1 resource instances'],
      }],
    ['a deletion failure', { ...NONE, errors: ['unexpected items still remain in namespace: x for gvr: /v1, Resource=pods'] },
      { NamespaceDeletionContentFailure: ['True', 'ContentDeletionFailed',
        'Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: x for gvr: /v1, Resource=pods'] }],
  ] as [string, ContentTotals, Record<string, string[]>][])('%s', (_name, totals, open) => {
    const conditions = namespaceConditions(undefined, totals, '2025-01-01T09:00:10Z');
    expect(conditions.map((c) => c.type)).toEqual(['NamespaceDeletionDiscoveryFailure', 'NamespaceDeletionGroupVersionParsingFailure',
      'NamespaceDeletionContentFailure', 'NamespaceContentRemaining', 'NamespaceFinalizersRemaining']);
    for (const c of conditions) {
      if (open[c.type]) expect([c.status, c.reason, c.message]).toEqual(open[c.type]);
      else expect(c.status).toBe('False');
    }
  });

  it('keeps lastTransitionTime unless the status flips', () => {
    const first = namespaceConditions(undefined, { ...NONE, remaining: { 'pods.': 2 } }, '2025-01-01T09:00:10Z');
    const second = namespaceConditions(first, { ...NONE, remaining: { 'pods.': 1 } }, '2025-01-01T09:00:26Z');
    const third = namespaceConditions(second, NONE, '2025-01-01T09:00:42Z');
    const at = (list: typeof first, type: string) => list.find((c) => c.type === type)!;
    expect(at(second, 'NamespaceContentRemaining')).toMatchObject({ lastTransitionTime: '2025-01-01T09:00:10Z',
      message: 'Some resources are remaining: pods. has 1 resource instances' });
    expect(at(third, 'NamespaceContentRemaining')).toMatchObject({ status: 'False', lastTransitionTime: '2025-01-01T09:00:42Z' });
    expect(at(third, 'NamespaceDeletionDiscoveryFailure').lastTransitionTime).toBe('2025-01-01T09:00:10Z');
  });
});
