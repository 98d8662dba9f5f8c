/**
 * The timeline pane rendered (server-side, plain Node) over the demo cluster: in Chinese, every
 * text and label a person sees or hears outside data (`translate="no"`, `lang="en"`, pre/code) is
 * Chinese or a kept Kubernetes term; in English, the names browser tests find controls by remain.
 */
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { isUntranslated } from '../../src/i18n/keptTerms';
import type { Language } from '../../src/i18n/language';
import { usePlayground } from '../../src/store';
import { EventsList } from '../../src/ui/timeline/EventsList';
import { FilterChips } from '../../src/ui/timeline/filters/FilterChips';
import { FilterFields } from '../../src/ui/timeline/filters/FilterFields';
import { StepList } from '../../src/ui/timeline/StepList';
import { Timeline } from '../../src/ui/timeline/Timeline';

const VOID = new Set(['input', 'br', 'img', 'hr', 'meta', 'link', 'col', 'source', 'wbr']);
const DATA_TAGS = new Set(['pre', 'code', 'kbd', 'samp']);
const READ_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'aria-valuetext', 'label', 'alt'];
const TAG = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/g;

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
}

/** The texts of markup that are English left behind, outside elements marked as data (the browser sweep's rule). */
function untranslatedIn(html: string): string[] {
  const found: string[] = [];
  const inData: boolean[] = [];
  for (const m of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(TAG)) {
    const parentData = inData.at(-1) ?? false;
    if (m[5] !== undefined) {
      const text = decode(m[5]).replace(/\s+/g, ' ').trim();
      if (text && !parentData && isUntranslated(text)) found.push(text);
      continue;
    }
    const [, close, tag, rawAttributes, selfClosing] = m;
    if (close) {
      inData.pop();
      continue;
    }
    const attributes = Object.fromEntries([...rawAttributes.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map((a) => [a[1], decode(a[2] ?? '')]));
    const data = parentData || attributes.translate === 'no' || (attributes.lang ?? '').startsWith('en') || DATA_TAGS.has(tag);
    for (const name of READ_ATTRIBUTES) {
      if (!data && attributes[name] && isUntranslated(attributes[name])) found.push(`${tag}[${name}]: ${attributes[name]}`);
    }
    if (!VOID.has(tag) && !selfClosing) inData.push(data);
  }
  return found;
}

const render = (component: FunctionComponent, language: Language) => {
  usePlayground.getState().setLanguage(language);
  // server rendering reads zustand's initial state (useSyncExternalStore's server snapshot): make it the current one
  Object.assign(usePlayground.getInitialState(), usePlayground.getState());
  return renderToStaticMarkup(createElement(component));
};

describe('the markup checker', () => {
  it.each([
    ['<p>Nothing selected</p>', ['Nothing selected']],
    ['<p translate="no">web-1 is <b>Running</b></p>', []],
    ['<p lang="en">Started container</p>', []],
    ['<button title="Show the diff">差异</button>', ['button[title]: Show the diff']],
    ['<span title="x">显示 <span translate="no">pod/web</span> 的步骤</span>', []],
    ['<input placeholder="kind/name"/><p>步骤</p>', ['input[placeholder]: kind/name']],
    ['<pre>kubectl get events -A</pre><i>Events</i>', ['Events']],
  ])('%s', (html, expected) => {
    expect(untranslatedIn(html)).toEqual(expected);
  });
});

describe('the timeline pane over the demo cluster', () => {
  beforeAll(() => {
    const s = usePlayground.getState();
    for (let i = 0; i < 60; i++) s.stepForward();
    s.pause();
    const pod = usePlayground.getState().cluster.list('Pod')[0];
    expect(pod, 'the demo made a Pod').toBeDefined();
    // a kubelet Step that wrote the Pod and emitted Events: the detail shows a diff, links and Events
    const steps = usePlayground.getState().cluster.steps;
    const rich = steps.findLast((st) => st.actor.startsWith('kubelet/') && st.events.length > 0 && st.changes.length > 0);
    expect(rich).toBeDefined();
    usePlayground.getState().setCursor(rich!.index);
    usePlayground.getState().select({ kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace });
  });

  it('leaves no English outside data in Chinese: playback, Steps, Step detail, filters and chips', () => {
    usePlayground.getState().setStepFilter({ actor: 'kind:kubelet', namespace: 'default' });
    try {
      const pane = render(Timeline, 'zh-CN');
      // the detail of a kubelet Step: its Events, a changed object with its link and diff
      for (const words of ['步骤详情', '发出的事件', '变更的对象', '已修改', '执行者：所有 kubelet', '命名空间：']) expect(pane).toContain(words);
      expect(pane).toMatch(/<pre[^>]*translate="no"/);
      for (const component of [Timeline, FilterFields, FilterChips]) {
        const html = render(component, 'zh-CN');
        expect(html).toMatch(/[\u4e00-\u9fff]/);
        expect(untranslatedIn(html), component.name).toEqual([]);
      }
    } finally {
      usePlayground.getState().clearStepFilter();
    }
  });

  it('leaves no English outside data in Chinese: grouped rows and the Events list', () => {
    usePlayground.getState().setStepGrouping('second');
    try {
      const list = render(StepList, 'zh-CN');
      expect(list).toMatch(/个步骤 #\d+–\d+/);
      expect(untranslatedIn(list)).toEqual([]);
    } finally {
      usePlayground.getState().setStepGrouping('write');
    }
    const events = render(EventsList, 'zh-CN');
    expect(events).toMatch(/LAST SEEN/); // kubectl's columns, as kubectl prints them
    expect(untranslatedIn(events)).toEqual([]);
  });

  it('keeps the English names browser tests find controls by', () => {
    const html = render(Timeline, 'en');
    expect(untranslatedIn(html).length, 'the checker sees the English chrome').toBeGreaterThan(20);
    for (const name of ['aria-label="Step detail"', 'aria-label="Timeline views"', 'aria-label="Steps"', 'aria-label="Group Steps"',
      'aria-label="Steps of the selected object"', 'aria-label="Previous Step of this object"', '>Filter<', '>Every write<']) {
      expect(html).toContain(name);
    }
    expect(html).toMatch(/<h3[^>]*>Step #\d+<\/h3>/);
    expect(render(EventsList, 'en')).toContain('aria-label="Events list"');
  });
});
