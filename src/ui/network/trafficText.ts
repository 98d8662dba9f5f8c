/**
 * Simulated traffic in words, in the UI's language (pure: no React): a generator, a rate, a
 * second's outcomes, a failure and a sampled request's way, from the numbers of
 * src/projections/networkTraffic.ts. Names, addresses, chains and the engine's failure reasons are
 * data and stay as they are; `englishT` words a generator exactly as the engine does
 * (describeGenerator in src/engine/commands/traffic.ts).
 */
import type { FailureCount, Outcome, RequestSample, TrafficGenerator, TrafficSecond } from '../../engine/traffic/types';
import { englishT, type Translate } from '../../i18n/translate';

/** `12 req/s`: the badge and list text of a rate. */
export function rateText(perSecond: number, t: Translate = englishT): string {
  return t('network.rate', { rate: perSecond });
}

/** `answered`, `failed`, `refused`, `timed out`. */
export function outcomeText(outcome: Outcome, t: Translate = englishT): string {
  switch (outcome) {
    case 'ok': return t('network.outcomeOk');
    case 'error': return t('network.outcomeError');
    case 'refused': return t('network.outcomeRefused');
    case 'timeout': return t('network.outcomeTimeout');
  }
}

/** `3 refused at KUBE-SERVICES: default/web has no endpoints` (the reason is the engine's). */
export function failureText(f: FailureCount, t: Translate = englishT): string {
  const p = { count: f.count, outcome: outcomeText(f.outcome, t), at: f.at };
  return f.reason ? t('network.failureWithReason', { ...p, reason: f.reason }) : t('network.failure', p);
}

/** `40 sent: 37 answered, 3 refused`. */
export function secondText(s: TrafficSecond, t: Translate = englishT): string {
  const parts = (['ok', 'error', 'refused', 'timeout'] as Outcome[])
    .filter((o) => (s.outcomes[o] ?? 0) > 0).map((o) => t('network.outcomeCount', { count: s.outcomes[o] ?? 0, outcome: outcomeText(o, t) }));
  return parts.length ? t('network.sentOutcomes', { sent: s.sent, outcomes: parts.join(t('network.listSeparator')) })
    : t('network.sent', { sent: s.sent });
}

/** `10 requests/s to Service default/web port 80 via ClusterIP from any running Pod`. */
export function generatorText(g: TrafficGenerator, t: Translate = englishT): string {
  const p = { count: g.ratePerSecond, service: `${g.namespace}/${g.service}`, port: g.portName ? `${g.port} (${g.portName})` : String(g.port), via: g.via };
  if (!g.from) {
    if (g.via === 'ClusterIP') return t('network.generatorFromAnyPod', p);
    return g.via === 'NodePort' ? t('network.generatorIntoAnyNode', p) : t('network.generator', p);
  }
  if ('pod' in g.from) return t('network.generatorFromPod', { ...p, pod: `${g.from.namespace}/${g.from.pod}` });
  return g.via === 'NodePort' ? t('network.generatorIntoNode', { ...p, node: g.from.node }) : t('network.generatorFromNode', { ...p, node: g.from.node });
}

/** `Pod default/client → 10.96.12.7:80 → web-abc (10.244.1.5:80): 200`, or where and why it failed. */
export function sampleText(s: RequestSample, t: Translate = englishT): string {
  const c = s.client;
  // `Pod ns/name` and `Node name` are a kind and a name: the same in every language
  const from = c.kind === 'pod' ? `Pod ${c.namespace}/${c.name}` : c.kind === 'node' ? `Node ${c.name}` : t('network.client', { ip: c.ip });
  const to = s.endpoint ? ` → ${s.endpoint.pod ? `${s.endpoint.pod.name} ` : ''}(${s.endpoint.ip}:${s.endpoint.port})` : '';
  let end: string;
  if (s.outcome === 'ok') end = s.status ? t('network.sampleStatus', { status: s.status }) : t('network.sampleAnswered');
  else {
    const outcome = outcomeText(s.outcome, t);
    end = s.failedAt ? t('network.sampleFailedAt', { outcome, at: s.failedAt }) : t('network.sampleFailed', { outcome });
    if (s.reason) end += t('network.parenthesis', { text: s.reason });
  }
  return `${from} → ${s.destination}${to}${end}`;
}
