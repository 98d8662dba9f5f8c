import type { Container, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { qosClass } from '../../../src/engine/kubelet/qos';

const c = (resources?: Container['resources'], name = 'app'): Container => ({ name, image: 'nginx', resources });
const pod = (containers: Container[], initContainers: Container[] = []): Pod => ({ spec: { containers, initContainers } });
const both = (cpu: string, memory: string) => ({ cpu, memory });

describe('qosClass (GetPodQOS)', () => {
  it.each<[string, Pod, string]>([
    ['no resources anywhere', pod([c(), c(undefined, 'b')]), 'BestEffort'],
    ['requests equal limits everywhere', pod([c({ requests: both('500m', '128Mi'), limits: both('0.5', '128Mi') })]), 'Guaranteed'],
    ['limits only (requests default to them)', pod([c({ limits: both('1', '1Gi') })]), 'Guaranteed'],
    ['requests below limits', pod([c({ requests: both('250m', '64Mi'), limits: both('500m', '128Mi') })]), 'Burstable'],
    ['cpu limit but no memory limit', pod([c({ limits: { cpu: '1' } })]), 'Burstable'],
    ['one container without limits', pod([c({ limits: both('1', '1Gi') }), c(undefined, 'b')]), 'Burstable'],
    ['init container without limits', pod([c({ limits: both('1', '1Gi') })], [c(undefined, 'init')]), 'Burstable'],
    ['only a request', pod([c({ requests: { memory: '10Mi' } })]), 'Burstable'],
    ['only non-compute resources', pod([c({ requests: { 'ephemeral-storage': '1Gi' } })]), 'BestEffort'],
    ['zero requests count as none', pod([c({ requests: both('0', '0') })]), 'BestEffort'],
  ])('%s', (_name, p, expected) => expect(qosClass(p)).toBe(expected));
});
