/**
 * The HPA Step messages with singular counts ("1 replica", "over 1 Pod") have Chinese renderings
 * like their plural forms: the patterns accept both, and the Chinese has no plural.
 */
import { describe, expect, it } from 'vitest';
import { localizeStepMessage } from '../../src/i18n/stepText';

const zh = (en: string) => localizeStepMessage(en, 'zh-CN');

describe('HPA Step messages, singular and plural', () => {
  it.each([
    ['HPA web: Deployment/web has 1 replica, below minReplicas 2: desired = 2 — Deployment/web scaled from 1 to 2',
      'HPA web：Deployment/web 有 1 个副本，低于 minReplicas 2：desired = 2 — Deployment/web 从 1 扩缩到 2'],
    ['HPA web: Deployment/web has 3 replicas, below minReplicas 4: desired = 4 — Deployment/web scaled from 3 to 4',
      'HPA web：Deployment/web 有 3 个副本，低于 minReplicas 4：desired = 4 — Deployment/web 从 3 扩缩到 4'],
    ['HPA web: Deployment/web has 6 replicas, above maxReplicas 4: desired = 4 — Deployment/web scaled from 6 to 4',
      'HPA web：Deployment/web 有 6 个副本，超过 maxReplicas 4：desired = 4 — Deployment/web 从 6 扩缩到 4'],
    ['HPA web: cpu at 130% of target 50%, but counting the not-ready and unmeasured Pods gives 21% over 1 Pod, the other way: desired stays 1 — Deployment/web stays at 1',
      'HPA web：cpu 为 130%，目标为 50%，但把未就绪和没有度量值的 Pod 也算进来后，1 个 Pod 的值为 21%，方向相反：desired 保持为 1 — Deployment/web 保持为 1'],
    ['HPA web: cpu at 130% of target 50%, but counting the not-ready and unmeasured Pods gives 21% over 6 Pods, the other way: desired stays 6 — Deployment/web stays at 6',
      'HPA web：cpu 为 130%，目标为 50%，但把未就绪和没有度量值的 Pod 也算进来后，6 个 Pod 的值为 21%，方向相反：desired 保持为 6 — Deployment/web 保持为 6'],
  ])('%s', (en, chinese) => {
    expect(zh(en)).toEqual({ text: chinese, language: 'zh-CN' });
  });
});
