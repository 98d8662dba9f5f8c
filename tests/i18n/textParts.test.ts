/**
 * Text parts: a translated message split around its marked data, for `translate="no"` spans (and
 * `lang="en"` on English prose); and their one renderer.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  dataParts, isOnlyData, joinParts, messageParts, partsText, wordParts, type Mark, type TextPart,
} from '../../src/i18n/textParts';
import { englishT, translator } from '../../src/i18n/translate';
import { PartsText } from '../../src/ui/common/PartsText';

const zhT = translator('zh-CN');
const data = (text: string): TextPart => ({ text, kind: 'data' });
const words = (text: string): TextPart => ({ text, kind: 'text' });

describe('messageParts', () => {
  it.each<[string, (mark: Mark) => string, TextPart[]]>([
    ['no data', () => 'plain words', [words('plain words')]],
    ['data in the middle', (mark) => `open “${mark('a.yaml')}” now`, [words('open “'), data('a.yaml'), words('” now')]],
    ['English prose at the end', (mark) => `失败：${mark('boom', 'english')}`, [words('失败：'), { text: 'boom', kind: 'english' }]],
    ['neighbouring data of a kind read as one', (mark) => `${mark('a')}${mark('b')}`, [data('ab')]],
    ['data and English prose side by side stay apart', (mark) => `${mark('a')}${mark('b', 'english')}`, [data('a'), { text: 'b', kind: 'english' }]],
    ['an empty value leaves nothing', (mark) => `x${mark('')}y`, [words('xy')]],
    ['a value that looks like a marker stays as it is', (mark) => mark('\uE0000\uE001'), [data('\uE0000\uE001')]],
    ['a value that looks like a placeholder stays as it is', (mark) => englishT('graph.volumeName', { name: mark('{name}') }), [words('volume '), data('{name}')]],
    ['a name after words', (mark) => englishT('graph.className', { name: mark('standard') }), [words('class '), data('standard')]],
    ['the same in Chinese', (mark) => zhT('graph.className', { name: mark('standard') }), [words('存储类 '), data('standard')]],
    ['data in the middle of Chinese words', (mark) => zhT('canvas.mountedIn', { container: mark('app') }), [words('在 '), data('app'), words(' 中')]],
    ['a plural counted outside the data', (mark) => englishT('canvas.keys', { keys: mark('a, b'), count: 2 }), [words('2 keys: '), data('a, b')]],
    ['an empty value at the end', (mark) => englishT('canvas.external', { ip: mark('') }), [words('ext ')]],
    ['a message nested in another, filled with the same marks', (mark) =>
      englishT('classroom.linkRejected', { reason: englishT('classroom.reasonReplayFailed', { error: mark('boom', 'english') }) }),
    [words('The share link cannot be opened: replaying it failed: '), { text: 'boom', kind: 'english' }, words('. Nothing was changed.')]],
  ])('%s', (_name, fill, parts) => {
    expect(messageParts(fill)).toEqual(parts);
  });

  it('reads the same as the message itself, in either language', () => {
    for (const t of [englishT, zhT]) {
      const parts = messageParts((mark) => t('classroom.saved', { name: mark('s.json') }));
      expect(partsText(parts)).toBe(t('classroom.saved', { name: 's.json' }));
      expect(parts.filter((p) => p.kind !== 'text')).toEqual([data('s.json')]);
    }
    expect(partsText(messageParts((mark) => zhT('graph.onNode', { node: mark('node-1') })))).toBe(zhT('graph.onNode', { node: 'node-1' }));
  });
});

describe('dataParts, wordParts, joinParts', () => {
  it.each<[TextPart[][], string]>([
    [[dataParts('1Gi'), dataParts('RWO')], '1Gi · RWO'],
    [[wordParts('no claim'), [], dataParts('x')], 'no claim · x'],
    [[[], []], ''],
  ])('%j reads %s', (lines, text) => {
    expect(partsText(joinParts(lines))).toBe(text);
  });

  it('keeps the separator apart from the data', () => {
    expect(joinParts([dataParts('a'), dataParts('b')])).toEqual([data('a'), words(' · '), data('b')]);
    expect(joinParts([dataParts('a'), wordParts('b')], ' / ')).toEqual([data('a'), words(' / '), words('b')]);
  });

  it('has nothing for empty data', () => {
    expect(dataParts('')).toEqual([]);
    expect(dataParts(undefined)).toEqual([]);
    expect(wordParts('x')).toEqual([words('x')]);
  });

  it.each<[TextPart[], boolean]>([
    [joinParts([dataParts('1Gi'), dataParts('RWO')]), true],
    [messageParts((mark) => englishT('graph.className', { name: mark('x') })), false],
    [messageParts((mark) => zhT('graph.className', { name: mark('x') })), false],
    [[{ text: 'Some prose', kind: 'english' }], true],
    [[], true],
  ])('isOnlyData(%j) is %s', (parts, only) => {
    expect(isOnlyData(parts)).toBe(only);
  });
});

describe('PartsText', () => {
  const render = (props: Parameters<typeof PartsText>[0]) => renderToStaticMarkup(createElement(PartsText, props));
  const parts = messageParts((mark) => zhT('classroom.fileRejected', {
    name: mark('a.json'), reason: zhT('classroom.reasonReplayFailed', { error: mark('boom', 'english') }),
  }));

  it('marks data translate="no" and English prose also lang="en", the words as they are', () => {
    expect(render({ parts })).toBe('无法打开文件“<span translate="no">a.json</span>”：重放失败：<span translate="no" lang="en">boom</span>。未做任何更改。');
  });

  it('wraps the run in one span when asked (one line inside a flex container)', () => {
    expect(render({ parts: messageParts((mark) => zhT('canvas.mountedIn', { container: mark('app') })), wrapped: true }))
      .toBe('<span>在 <span translate="no">app</span> 中</span>');
  });

  it('gives the marked spans a class when asked', () => {
    expect(render({ parts: messageParts((mark) => zhT('timelineFilters.stepsOf', { name: mark('pod/web-1') })), dataClassName: 'font-mono' }))
      .toBe('<span translate="no" class="font-mono">pod/web-1</span> 的步骤');
    expect(render({ parts: [] })).toBe('');
  });
});
