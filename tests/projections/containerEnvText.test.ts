import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate';
import type { EnvChange, EnvNote, EnvSource } from '../../src/projections/containerEnv';
import { envChangeText, envNoteText, envSourceText } from '../../src/ui/inspector/container/envText';

const zh = translator('zh-CN');

describe('envSourceText', () => {
  it.each<[string, EnvSource, string, string, boolean]>([
    ['a literal', { type: 'value' }, 'value', '值', false],
    ['a literal expanding variables', { type: 'value', expands: ['P', 'HOST'] }, 'value, expanding $(P) $(HOST)', '值，展开了 $(P) $(HOST)', false],
    ['a ConfigMap key', { type: 'configMapKeyRef', name: 'app-config', key: 'MODE' }, 'ConfigMap app-config, key MODE', 'ConfigMap app-config，键 MODE', false],
    ['a Secret key', { type: 'secretKeyRef', name: 'creds', key: 'password' }, 'Secret creds, key password', 'Secret creds，键 password', false],
    ['envFrom with a prefix', { type: 'envFrom', kind: 'ConfigMap', name: 'cfg', key: 'A', prefix: 'CFG_' },
      'envFrom ConfigMap cfg (prefix CFG_)', 'envFrom ConfigMap cfg（前缀 CFG_）', false],
    ['envFrom', { type: 'envFrom', kind: 'Secret', name: 'creds', key: 'user' }, 'envFrom Secret creds', 'envFrom Secret creds', true],
    ['a fieldRef', { type: 'fieldRef', fieldPath: "metadata.labels['app']" }, "fieldRef metadata.labels['app']", "fieldRef metadata.labels['app']", true],
    ['a resourceFieldRef', { type: 'resourceFieldRef', resource: 'limits.memory', containerName: 'app', divisor: '1Mi' },
      'resourceFieldRef app limits.memory ÷ 1Mi', 'resourceFieldRef app limits.memory ÷ 1Mi', true],
    ['a plain resourceFieldRef', { type: 'resourceFieldRef', resource: 'requests.cpu' }, 'resourceFieldRef requests.cpu', 'resourceFieldRef requests.cpu', true],
    ['a Service link', { type: 'service', service: 'web-api' }, 'Service web-api', 'Service web-api', true],
  ])('words %s', (_what, source, english, chinese, data) => {
    expect(envSourceText(source)).toEqual({ text: english, data });
    expect(envSourceText(source, zh)).toEqual({ text: chinese, data });
  });
});

describe('envNoteText', () => {
  it.each<[EnvNote, string, string]>([
    [{ type: 'awaitingPodIP' }, 'set once the Pod has an IP', 'Pod 获得 IP 后设置'],
    [{ type: 'awaitingNode' }, 'set once the Pod is scheduled', 'Pod 被调度后设置'],
    [{ type: 'limitUnscheduled', resource: 'memory' }, "no memory limit: reads the Node's allocatable memory once the Pod is scheduled",
      '未设置 memory 限制：Pod 被调度后读取 Node 的可分配 memory'],
    [{ type: 'limitFromNode', resource: 'cpu', node: 'node-1' }, 'no cpu limit: the allocatable cpu of node-1', '未设置 cpu 限制：取 node-1 的可分配 cpu'],
  ])('%j', (note, english, chinese) => {
    expect(envNoteText(note)).toBe(english);
    expect(envNoteText(note, zh)).toBe(chinese);
  });
});

describe('envChangeText', () => {
  it.each<[EnvChange, string, string]>([
    [{ type: 'changed', source: { kind: 'ConfigMap', name: 'app-config' } },
      'ConfigMap app-config now holds a different value; the container keeps this one until it restarts',
      'ConfigMap app-config 现在的值已不同；容器在重启之前保留这个值'],
    [{ type: 'changed' },
      'A variable it expands now has a different value; the container keeps this one until it restarts',
      '它展开的某个变量现在的值已不同；容器在重启之前保留这个值'],
    [{ type: 'removed', source: { kind: 'Secret', name: 'creds' } },
      'Secret creds no longer holds this variable; the container keeps it until it restarts',
      'Secret creds 已不再包含这个变量；容器在重启之前保留它'],
    [{ type: 'added', source: { kind: 'ConfigMap', name: 'app-config' } },
      'ConfigMap app-config now holds this variable; the container gets it when it restarts',
      'ConfigMap app-config 现在包含这个变量；容器重启之后才会获得它'],
  ])('%j', (change, english, chinese) => {
    expect(envChangeText(change)).toBe(english);
    expect(envChangeText(change, zh)).toBe(chinese);
  });
});
