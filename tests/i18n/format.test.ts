import { describe, expect, it } from 'vitest';
import { formatMessage, messageParams } from '../../src/i18n/format';

describe('formatMessage', () => {
  it.each([
    ['no placeholders', 'Apply', undefined, 'en', 'Apply'],
    ['one parameter', 'line {line}', { line: 7 }, 'en', 'line 7'],
    ['parameters in any order', '{b} then {a}', { a: 'x', b: 'y' }, 'en', 'y then x'],
    ['a parameter used twice', '{n}/{n}', { n: 2 }, 'en', '2/2'],
    ['an empty string value', '[{v}]', { v: '' }, 'en', '[]'],
    ['a missing parameter stays visible', 'Pod {name}, ready {ready}', { name: 'web' }, 'en', 'Pod web, ready {ready}'],
    ['plural one (en)', '{count|# event|# events}', { count: 1 }, 'en', '1 event'],
    ['plural other (en)', '{count|# event|# events}', { count: 3 }, 'en', '3 events'],
    ['plural zero is other (en)', '{count|# event|# events}', { count: 0 }, 'en', '0 events'],
    ['plural forms without #', '+{count} older {count|Job|Jobs}', { count: 1 }, 'en', '+1 older Job'],
    ['a single form serves every count', '{count|# 个事件}', { count: 1 }, 'zh-CN', '1 个事件'],
    ['Chinese has only other', '{count|# 个|# 个们}', { count: 1 }, 'zh-CN', '1 个们'],
    ['numeric strings select plurals', '{count|# Step|# Steps}', { count: '1' }, 'en', '1 Step'],
    ['CJK text around parameters', 'Pod {name}，{phase}，就绪 {ready}', { name: 'web-x', phase: 'Running', ready: '1/1' }, 'zh-CN', 'Pod web-x，Running，就绪 1/1'],
  ] as const)('%s', (_, message, params, locale, expected) => {
    expect(formatMessage(message, params, locale)).toBe(expected);
  });
});

describe('messageParams', () => {
  it.each([
    ['Apply', []],
    ['line {line}:{column}', ['column', 'line']],
    ['+{count} older {count|ReplicaSet|ReplicaSets} in {namespace}', ['count', 'namespace']],
    ['{count|# 个事件}', ['count']],
  ] as const)('%s → %j', (message, expected) => {
    expect(messageParams(message)).toEqual(expected);
  });
});
