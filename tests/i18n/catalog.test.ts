/**
 * The catalogs: the same keys and parameters in both languages, nothing empty, Chinese that is
 * Chinese (with Kubernetes terms kept), and every key the code uses present.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS, en, zh } from '../../src/i18n/catalog';
import { messageParams } from '../../src/i18n/format';

const ROOT = resolve(__dirname, '../..');
/** Chinese characters, or the full-width punctuation of a message that only arranges its parameters. */
const CHINESE = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
const enKeys = Object.keys(en) as (keyof typeof en)[];

/** Terms practitioners use in English: where the English message has one, the Chinese keeps it. */
const KEPT_TERMS = [
  'Pod', 'Node', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'Service', 'EndpointSlice',
  'kubelet', 'kube-proxy', 'kubectl', 'Kubernetes', 'ownerReferences', 'YAML', 'READY',
];

describe('the catalogs', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual([...enKeys].sort());
    expect(enKeys.length).toBeGreaterThan(100);
  });

  it('share no key between areas (a later area would silently win)', () => {
    const all = Object.values(AREAS).flatMap((area) => Object.keys(area.en));
    expect(all.length).toBe(new Set(all).size);
    expect(all.length).toBe(enKeys.length);
  });

  it.each(enKeys)('%s has the same parameters in both languages', (key) => {
    expect(messageParams(zh[key])).toEqual(messageParams(en[key]));
  });

  it.each(enKeys)('%s is neither empty nor unbalanced', (key) => {
    for (const text of [en[key], zh[key]]) {
      expect(text.trim()).not.toBe('');
      expect(text.split('{').length).toBe(text.split('}').length);
      expect(text).not.toMatch(/\{[^}]*\{/); // braces do not nest
    }
  });

  it.each(enKeys)('%s reads as Chinese in zh and as English in en', (key) => {
    expect(zh[key]).toMatch(CHINESE);
    expect(en[key]).not.toMatch(CHINESE);
  });

  it.each(enKeys)('%s keeps Kubernetes terms and uses Chinese punctuation next to Chinese', (key) => {
    for (const term of KEPT_TERMS) if (en[key].includes(term)) expect(zh[key], term).toContain(term);
    expect(zh[key]).not.toMatch(/[\u3400-\u9fff][,;:()]|[,;:(][\u3400-\u9fff]/);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const SCANNED = ['src/ui', 'src/graph', 'src/i18n'].flatMap((d) => sourceFiles(join(ROOT, d)))
  .filter((f) => !f.includes(`${join('src', 'i18n', 'catalog')}`));
const sources = SCANNED.map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, 'utf8') }));

/**
 * `t('area.key'` calls, as written in the code. Keys are `area.name`: undotted `t('x')` calls
 * belong to other, local translators (the lesson panel's own texts).
 */
function usedKeys(text: string): string[] {
  return [...text.matchAll(/\bt\(\s*(['"])([a-zA-Z]+\.[\w.]+)\1/g)].map((m) => m[2]);
}

describe('the keys the code uses', () => {
  it('finds translated calls in the panes and the graph', () => {
    const files = sources.filter((s) => usedKeys(s.text).length > 0).map((s) => s.file);
    for (const expected of ['src/ui/layout/Header.tsx', 'src/ui/editor/EditorPane.tsx', 'src/ui/timeline/PlaybackControls.tsx',
      'src/ui/inspector/Inspector.tsx', 'src/ui/canvas/GraphToolbar.tsx', 'src/graph/podView.ts']) {
      expect(files).toContain(expected);
    }
  });

  it.each(sources.map((s) => [s.file, s.text]))('%s uses only keys in the catalogs', (_, text) => {
    const missing = usedKeys(text).filter((key) => !(key in en) || !(key in zh));
    expect(missing).toEqual([]);
  });

  it.each(sources.map((s) => [s.file, s.text]))('%s builds no key at run time (keys stay greppable)', (_, text) => {
    expect(text).not.toMatch(/\bt\(\s*`/);
  });

  it('uses every key of the catalogs somewhere', () => {
    const all = sources.map((s) => s.text).join('\n');
    const unused = enKeys.filter((key) => !all.includes(`'${key}'`) && !all.includes(`"${key}"`));
    expect(unused).toEqual([]);
  });
});
