/** The pattern table behind localizeStepMessage: literal prefixes, first-word dispatch, templates; exact wordings of the volume-file Steps. */
import { describe, expect, it } from 'vitest';
import { localizeStepMessage } from '../../src/i18n/stepText';
import { fill, literalPrefix, PatternTable, type Clause, type Rule } from '../../src/i18n/stepText/patternTable';

const verbatim: Clause = (s) => s;

describe('literalPrefix', () => {
  it.each([
    ['Started container (\\S+)', 'Started container ', false],
    ['Updated the container runtime', 'Updated the container runtime', true],
    ['Set kube-proxy mode to (\\S+) in ConfigMap kube-system\\/kube-proxy', 'Set kube-proxy mode to ', false],
    ['Job (\\S+) has (\\d+) active Pods?', 'Job ', false],
    ['Pods? are', 'Pod', false],
    ['\\(grace\\) period', '(grace) period', true],
    ['(\\S+) scaled', '', false],
    ['kube-proxy on \\d', 'kube-proxy on ', false],
    ['a.b', 'a', false],
  ])('%s → %j (whole: %s)', (source, text, whole) => {
    expect(literalPrefix(source)).toEqual({ text, whole });
  });
});

describe('fill', () => {
  const groups = ['whole', 'web', 'the rollout moved forward'];
  it.each([
    ['Deployment {1}', 'Deployment web'],
    ['{1}：{2*}', 'web：上线有了进展'],
    ['{1} {3}', 'web '],
    ['no placeholders', 'no placeholders'],
  ])('%s → %s', (template, want) => {
    const clause: Clause = (s) => (s === 'the rollout moved forward' ? '上线有了进展' : s);
    expect(fill(template, groups, clause)).toBe(want);
  });

  it('calls a function template with the groups and the clause translator', () => {
    expect(fill((g, clause) => `${g[1]}|${clause(g[2])}`, groups, (s) => s.toUpperCase())).toBe('web|THE ROLLOUT MOVED FORWARD');
  });
});

describe('PatternTable', () => {
  const rules: Rule[] = [
    [/Started container (\S+)/, '启动了容器 {1}'],
    [/Started (traffic-\d+)/, '启动了 {1}'],
    [/Job (\S+) has (\d+) active Pods?/, 'Job {1} 有 {2} 个活跃 Pod'],
    [/(\S+) scaled from (\d+) to (\d+)/, '{1} 从 {2} 扩缩到 {3}'],
    [/Deployment (\S+) (created|deleted)/, 'Deployment {1} {2}'],
    [/(?:Liveness|Readiness) probe failed/, '探针失败'],
  ];
  const table = new PatternTable(rules);

  it.each([
    ['Started container app', '启动了容器 app'],
    ['Started traffic-2', '启动了 traffic-2'],
    ['Job pi has 1 active Pod', 'Job pi 有 1 个活跃 Pod'],
    ['Job pi has 2 active Pods', 'Job pi 有 2 个活跃 Pod'],
    ['deployment.apps/web scaled from 1 to 3', 'deployment.apps/web 从 1 扩缩到 3'],
    ['Readiness probe failed', '探针失败'],
    ['Deployment web created', 'Deployment web created'],
  ])('%s → %s', (en, zh) => {
    expect(table.translate(en, verbatim)).toBe(zh);
  });

  it.each([
    ['Started container app and more'],
    ['Job pi has many active Pods'],
    ['Stopped container app'],
    ['xStarted container app'],
  ])('matches only the whole text: %s', (en) => {
    expect(table.translate(en, verbatim)).toBeUndefined();
  });

  it('tries only the rules a text can match: its first words, and the rules without a literal first word', () => {
    const tried = (text: string) => table.candidates(text).map((r) => r.re.source);
    expect(tried('Started container app')).toEqual([
      '^(?:Started container (\\S+))$', '^(?:Started (traffic-\\d+))$', '^(?:(\\S+) scaled from (\\d+) to (\\d+))$',
      '^(?:(?:Liveness|Readiness) probe failed)$',
    ]);
    expect(tried('Started traffic-1')).not.toContain('^(?:Started container (\\S+))$');
    expect(tried('Job pi has 1 active Pod')).toContain('^(?:Job (\\S+) has (\\d+) active Pods?)$');
    expect(tried('Unknown words here')).toHaveLength(2);
    expect(table.size).toBe(rules.length);
  });
});

/** The kubelet's volume-file Steps (src/engine/kubelet/volumeResyncMessage.ts), every clause and source kind. */
describe('volume-file Steps in Chinese', () => {
  const UPDATED = 'Updated the files of volume';
  it.each([
    [`${UPDATED} "config" in Pod web-1 from ConfigMap app-config (synced 61 s after the change: mode changed); ` +
      'the subPath mount /etc/app/mode.conf of container sub keeps the old file until the container restarts; ' +
      'the environment variables of container env keep the old values until the container restarts',
    '根据 ConfigMap app-config 更新了 Pod web-1 中卷 "config" 的文件（变更后 61 s 同步：mode 已变更）；' +
      '容器 sub 的 subPath 挂载 /etc/app/mode.conf 在容器重启之前仍是旧文件；容器 env 的环境变量在容器重启之前仍是旧值'],
    [`${UPDATED} "creds" in Pod db-0 from Secret db-creds (synced 88 s after the change: password changed)`,
      '根据 Secret db-creds 更新了 Pod db-0 中卷 "creds" 的文件（变更后 88 s 同步：password 已变更）'],
    [`${UPDATED} "info" in Pod web-1 from the downward API (synced 70 s after the change: labels, tier changed)`,
      '根据 Downward API 更新了 Pod web-1 中卷 "info" 的文件（变更后 70 s 同步：labels、tier 已变更）'],
    [`${UPDATED} "all" in Pod web-1 from a service account token, ConfigMap app-config, Secret db-creds and the downward API (synced 9 s after the change: config/mode changed)`,
      '根据服务账号令牌、ConfigMap app-config、Secret db-creds 和 Downward API 更新了 Pod web-1 中卷 "all" 的文件（变更后 9 s 同步：config/mode 已变更）'],
    [`${UPDATED} "pair" in Pod web-1 from ConfigMap a and Secret b (synced 60 s after the change: x changed, y added)`,
      '根据 ConfigMap a 和 Secret b 更新了 Pod web-1 中卷 "pair" 的文件（变更后 60 s 同步：x 已变更，新增 y）'],
    [`${UPDATED} "odd" in Pod web-1 from its sources (synced 61 s after the change)`,
      '根据它的各个来源更新了 Pod web-1 中卷 "odd" 的文件（变更后 61 s 同步）'],
    [`${UPDATED} "conf" in Pod modes from ConfigMap base (synced 75 s after the change: a, b changed, c added, d, e removed, mode of f, g changed)`,
      '根据 ConfigMap base 更新了 Pod modes 中卷 "conf" 的文件（变更后 75 s 同步：a、b 已变更，新增 c，移除 d、e，f、g 的文件权限模式已变更）'],
    [`${UPDATED} "data" in Pod web-1 from ConfigMap app-config before starting container app (5 s after the change: mode changed)`,
      '在启动容器 app 之前，根据 ConfigMap app-config 更新了 Pod web-1 中卷 "data" 的文件（变更后 5 s：mode 已变更）'],
    [`${UPDATED} "data" in Pod web-1 from the downward API before starting container app (12 s after the change: debug changed, mode removed); ` +
      'the environment variables of container side keep the old values until the container restarts',
    '在启动容器 app 之前，根据 Downward API 更新了 Pod web-1 中卷 "data" 的文件（变更后 12 s：debug 已变更，移除 mode）；容器 side 的环境变量在容器重启之前仍是旧值'],
    [`${UPDATED} "info" in Pod web-1 from the downward API (synced when the Pod's labels changed, 0 s after the change: labels changed)`,
      '根据 Downward API 更新了 Pod web-1 中卷 "info" 的文件（Pod 的标签变更时同步，变更后 0 s：labels 已变更）'],
    [`${UPDATED} "config" in Pod web-1 from ConfigMap app-config (synced when the Pod's labels and annotations changed, 20 s after the change: mode changed); ` +
      'the subPath mount /etc/app/mode.conf of container sub keeps the old file until the container restarts; ' +
      `${UPDATED} "all" in Pod web-1 from ConfigMap app-config and the downward API (synced when the Pod's labels, annotations and spec changed, 0 s after the change: labels changed)`,
    '根据 ConfigMap app-config 更新了 Pod web-1 中卷 "config" 的文件（Pod 的标签和注解变更时同步，变更后 20 s：mode 已变更）；' +
      '容器 sub 的 subPath 挂载 /etc/app/mode.conf 在容器重启之前仍是旧文件；' +
      '根据 ConfigMap app-config 和 Downward API 更新了 Pod web-1 中卷 "all" 的文件（Pod 的标签、注解和规约变更时同步，变更后 0 s：labels 已变更）'],
    [`${UPDATED} "conf" in Pod web-1 from ConfigMap base (synced when the Pod's spec changed, 7 s after the change)`,
      '根据 ConfigMap base 更新了 Pod web-1 中卷 "conf" 的文件（Pod 的规约变更时同步，变更后 7 s）'],
    ['Could not update the files of volume "data" in Pod web-1: configmap "app-config" not found; the containers keep the files last written',
      '无法更新 Pod web-1 中卷 "data" 的文件：configmap "app-config" not found；各容器保留最后一次写入的文件'],
    ['Could not update the files of volumes "a", "b" and "c" in Pod web-1: configmap "x" not found; [secret "y" not found, configmap "z" not found]; ' +
      'configmap references non-existent config key: mode; the containers keep the files last written',
    '无法更新 Pod web-1 中卷 "a"、"b" 和 "c" 的文件：configmap "x" not found；[secret "y" not found, configmap "z" not found]；' +
      'configmap references non-existent config key: mode；各容器保留最后一次写入的文件'],
    [`${UPDATED} "c" in Pod fragile from ConfigMap live (synced 64 s after the change: level changed); ` +
      'Could not update the files of volumes "a" and "b" in Pod fragile: configmap "gone-a" not found; secret "gone-b" not found; the containers keep the files last written',
    '根据 ConfigMap live 更新了 Pod fragile 中卷 "c" 的文件（变更后 64 s 同步：level 已变更）；' +
      '无法更新 Pod fragile 中卷 "a" 和 "b" 的文件：configmap "gone-a" not found；secret "gone-b" not found；各容器保留最后一次写入的文件'],
  ])('%s', (en, zh) => {
    expect(localizeStepMessage(en, 'zh-CN')).toEqual({ text: zh, language: 'zh-CN' });
  });
});
