/**
 * ephemeral-volume-controller: for each `ephemeral` volume of a Pod, creates the claim
 * `<pod>-<volume>` from its volumeClaimTemplate, owned by the Pod (so it goes with the Pod).
 * upstream: pkg/controller/volume/ephemeral/controller.go
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { controllerRef } from '../shared/ownership';
import type { Controller } from '../types';

export const ephemeralVolumeController: Controller = {
  name: 'ephemeral-volume-controller',
  watches: [
    {
      kind: 'Pod',
      map: (pod) => ((pod.spec as Pod['spec'])?.volumes?.some((v) => v.ephemeral) ? [`${pod.metadata.namespace}/${pod.metadata.name}`] : []),
    },
    {
      kind: 'PersistentVolumeClaim',
      map: (pvc) => (pvc.metadata.ownerReferences ?? []).filter((r) => r.kind === 'Pod' && r.controller)
        .map((r) => `${pvc.metadata.namespace}/${r.name}`),
    },
  ],
  reconcile(key, ctx) {
    const [namespace, name] = key.split('/');
    const pod = ctx.get('Pod', name, namespace) as (KubeObject & Pod) | undefined;
    if (!pod || pod.metadata.deletionTimestamp) return;
    for (const v of pod.spec?.volumes ?? []) {
      const template = v.ephemeral?.volumeClaimTemplate;
      if (!template) continue;
      const claimName = `${name}-${v.name}`;
      if (ctx.get('PersistentVolumeClaim', claimName, namespace)) continue;
      const result = ctx.create({
        apiVersion: 'v1', kind: 'PersistentVolumeClaim',
        metadata: {
          name: claimName, namespace, ownerReferences: [controllerRef(pod)],
          ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
          ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        } as never,
        spec: structuredClone(template.spec),
      }, `Created PersistentVolumeClaim ${namespace}/${claimName} for the ephemeral volume ${v.name} of Pod ${name}: ` +
        'it lives and dies with the Pod');
      if (!result.ok) ctx.event(pod, 'Warning', 'FailedBinding', `create PVC ${claimName}: ${result.message}`);
    }
  },
};
