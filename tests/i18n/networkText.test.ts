/**
 * The networking panels' texts (src/ui/network/trafficText.ts, dnsText.ts): English as before
 * (and as the engine describes a generator), and Simplified Chinese with the data kept as it is.
 */
import { describe, expect, it } from 'vitest';
import { describeGenerator } from '../../src/engine/commands/traffic';
import type { FailureCount, RequestSample, TrafficGenerator, TrafficSecond } from '../../src/engine/traffic/types';
import { englishT, translator } from '../../src/i18n/translate';
import { triedText } from '../../src/ui/network/dnsText';
import { failureText, generatorText, rateText, sampleText, secondText } from '../../src/ui/network/trafficText';

const zh = translator('zh-CN');

describe('rates, failures and seconds', () => {
  it.each([
    [0, '0 req/s', '0 请求/秒'],
    [12, '12 req/s', '12 请求/秒'],
  ])('rateText(%d)', (n, en, chinese) => {
    expect(rateText(n)).toBe(en);
    expect(rateText(n, zh)).toBe(chinese);
  });

  it.each<[FailureCount, string, string]>([
    [{ outcome: 'refused', at: 'KUBE-SERVICES', reason: 'default/web has no endpoints', count: 3 },
      '3 refused at KUBE-SERVICES: default/web has no endpoints', '3 个在 KUBE-SERVICES 被拒绝：default/web has no endpoints'],
    [{ outcome: 'timeout', at: 'node/node-2', reason: '', count: 1 }, '1 timed out at node/node-2', '1 个在 node/node-2 超时'],
    [{ outcome: 'error', at: 'pod/default/web-a', reason: 'HTTP 500', count: 2 }, '2 failed at pod/default/web-a: HTTP 500', '2 个在 pod/default/web-a 失败：HTTP 500'],
  ])('failureText %#', (f, en, chinese) => {
    expect(failureText(f)).toBe(en);
    expect(failureText(f, zh)).toBe(chinese);
  });

  it('secondText counts each outcome', () => {
    const s: TrafficSecond = { generator: 'traffic-1', service: 'default/web', time: 1000, sent: 40, outcomes: { ok: 37, refused: 3 }, byPod: {}, failures: [], samples: [] };
    expect(secondText(s)).toBe('40 sent: 37 answered, 3 refused');
    expect(secondText(s, zh)).toBe('已发送 40 个：37 个已应答，3 个被拒绝');
    expect(secondText({ ...s, sent: 0, outcomes: {} }, zh)).toBe('已发送 0 个');
    expect(secondText({ ...s, sent: 0, outcomes: {} })).toBe('0 sent');
  });
});

describe('a generator, as the engine describes it', () => {
  const base: TrafficGenerator = {
    id: 'traffic-1', namespace: 'default', service: 'web', port: 80, portName: '', protocol: 'TCP', via: 'ClusterIP', ratePerSecond: 10, startedAt: 0,
  };
  it.each<[string, TrafficGenerator, string]>([
    ['from any running Pod', base, '每秒 10 个请求，经 ClusterIP 发往 Service default/web 的端口 80，来自任意运行中的 Pod'],
    ['one request/s from a Pod, to a named port', { ...base, ratePerSecond: 1, portName: 'http', from: { pod: 'client', namespace: 'shop' } },
      '每秒 1 个请求，经 ClusterIP 发往 Service default/web 的端口 80 (http)，来自 Pod shop/client'],
    ['from a Node', { ...base, from: { node: 'node-2' } }, '每秒 10 个请求，经 ClusterIP 发往 Service default/web 的端口 80，来自 Node node-2'],
    ['into any Node', { ...base, via: 'NodePort' }, '每秒 10 个请求，经 NodePort 发往 Service default/web 的端口 80，从外部进入任意 Node'],
    ['into one Node', { ...base, via: 'NodePort', from: { node: 'node-1' } }, '每秒 10 个请求，经 NodePort 发往 Service default/web 的端口 80，从外部进入 Node node-1'],
    ['through a load balancer', { ...base, via: 'LoadBalancer' }, '每秒 10 个请求，经 LoadBalancer 发往 Service default/web 的端口 80'],
  ])('%s', (_name, g, chinese) => {
    expect(generatorText(g)).toBe(describeGenerator(g));
    expect(generatorText(g, zh)).toBe(chinese);
  });
});

describe('a sampled request’s way', () => {
  it.each<[RequestSample, string, string]>([
    [{ client: { kind: 'pod', namespace: 'default', name: 'client', ip: '10.244.1.9' }, node: 'node-1', destination: '10.96.12.7:80', chains: [],
      endpoint: { ip: '10.244.2.5', port: 8080, pod: { namespace: 'default', name: 'web-a' } }, outcome: 'ok', status: 200 },
    'Pod default/client → 10.96.12.7:80 → web-a (10.244.2.5:8080): 200', 'Pod default/client → 10.96.12.7:80 → web-a (10.244.2.5:8080)：返回 200'],
    [{ client: { kind: 'external', ip: '203.0.113.10' }, destination: '172.18.0.2:30080', chains: ['KUBE-SERVICES'], outcome: 'refused',
      failedAt: 'KUBE-EXTERNAL-SERVICES', reason: 'default/web has no endpoints' },
    'client 203.0.113.10 → 172.18.0.2:30080: refused at KUBE-EXTERNAL-SERVICES (default/web has no endpoints)',
    '客户端 203.0.113.10 → 172.18.0.2:30080：在 KUBE-EXTERNAL-SERVICES 被拒绝（default/web has no endpoints）'],
    [{ client: { kind: 'node', name: 'node-2', ip: '172.18.0.3' }, destination: '10.96.12.7:80', chains: [], outcome: 'timeout' },
      'Node node-2 → 10.96.12.7:80: timed out', 'Node node-2 → 10.96.12.7:80：超时'],
    [{ client: { kind: 'node', name: 'node-2', ip: '172.18.0.3' }, destination: '10.96.12.7:80', chains: [], outcome: 'ok',
      endpoint: { ip: '10.244.2.5', port: 80 } },
    'Node node-2 → 10.96.12.7:80 → (10.244.2.5:80): answered', 'Node node-2 → 10.96.12.7:80 → (10.244.2.5:80)：已应答'],
  ])('sampleText %#', (sample, en, chinese) => {
    expect(sampleText(sample)).toBe(en);
    expect(sampleText(sample, zh)).toBe(chinese);
  });
});

describe('what a tried DNS name got', () => {
  it.each([
    [{ name: 'web.default.svc.cluster.local.', rcode: 'NOERROR', answers: 1 }, 'A', 'NOERROR, 1 answer', 'NOERROR，1 条应答'],
    [{ name: 'web.default.svc.cluster.local.', rcode: 'NOERROR', answers: 3 }, 'A', 'NOERROR, 3 answers', 'NOERROR，3 条应答'],
    [{ name: 'web.default.svc.cluster.local.', rcode: 'NOERROR', answers: 0 }, 'SRV', 'NOERROR, no SRV record', 'NOERROR，没有 SRV 记录'],
    [{ name: 'web.shop.svc.cluster.local.', rcode: 'NXDOMAIN', answers: 0 }, 'A', 'NXDOMAIN', 'NXDOMAIN'],
  ])('%j %s', (tried, type, en, chinese) => {
    expect(triedText(tried, type, englishT)).toBe(en);
    expect(triedText(tried, type, zh)).toBe(chinese);
  });
});
