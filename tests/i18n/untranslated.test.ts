/**
 * No English left in the UI's source: every human-language string of `src/ui` and `src/graph` goes
 * through `t('area.key')`, or sits in an element marked as data (`translate="no"`, `lang="en"`),
 * or on a line marked `// i18n-data: why`. The checker itself is tested first, on small snippets.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUntranslated, KEPT_TERMS, untranslatedWords } from '../../src/i18n/keptTerms';
import { findUntranslated, formatFinding } from './untranslatedSource';

const ROOT = resolve(__dirname, '../..');

describe('untranslatedWords: the Latin words that are neither kept terms nor units', () => {
  it.each([
    ['Restart count', ['Restart', 'count']],
    ['Pod web-1 is Running', ['is', 'Running']],
    ['Pod Node Service kubelet kube-proxy kubectl iptables IPVS ipvs DNS YAML CPU IP maxSurge READY', []],
    ['3 Pods', ['Pods']], // a plural is English: Chinese does not pluralise a kept term
    ['node-1 · 500m · 1Gi · v1 · 10s · 12.5 ms', []],
    ['t = 3s ×2 → 4 / 5 (80%)', []],
    ['第 3 步 · Pod 就绪', []],
    ['English', []],
    ['kube-system', ['kube-system']],
    ["don't", ["don't"]],
  ])('%j → %j', (text, words) => {
    expect(untranslatedWords(text)).toEqual(words);
  });

  it.each([
    ['Restart count', true],
    ['重启 Restart 次数', false], // some Chinese: a translated message with an English value in it
    ['Pod', false],
    ['12:30', false],
    ['Deployments', true],
  ])('isUntranslated(%j) is %s', (text, expected) => {
    expect(isUntranslated(text)).toBe(expected);
  });

  it('lists each kept term once', () => {
    expect(new Set(KEPT_TERMS).size).toBe(KEPT_TERMS.length);
  });
});

/** The texts the checker flags in a snippet. */
const flagged = (source: string, file = 'snippet.tsx') => findUntranslated(file, source).map((f) => `${f.where}: ${f.text}`);

describe('findUntranslated: the source checker', () => {
  it.each([
    ['JSX text', '<p>Nothing selected</p>', ['jsx text: Nothing selected']],
    ['a literal JSX child', "<p>{playing ? 'Pause' : 'Play'}</p>", ['jsx child: Pause', 'jsx child: Play']],
    ['an aria-label', '<button aria-label="Close filters">×</button>', ['attribute aria-label: Close filters']],
    ['a title in braces', "<b title={'Step forward'} />", ['attribute title: Step forward']],
    ['a placeholder template', '<input placeholder={`kind/name of ${x}`} />', ['attribute placeholder: kind/name of ${…}']],
    ['each branch of a conditional', "<b title={open ? 'Hide' : t('a.b')} />", ['attribute title: Hide']],
    ['a fallback after ??', "<b aria-label={name ?? 'unnamed'} />", ['attribute aria-label: unnamed']],
    ['an aria-valuetext', '<input aria-valuetext={`Step ${n}`} />', ['attribute aria-valuetext: Step ${…}']],
    ['a label property', "const TABS = [{ id: 'a', label: 'Steps' }];", ['property label: Steps']],
    ['a message property', "const x = { message: 'Link copied.' };", ['property message: Link copied.']],
    ['a hint returned by an arrow', "const h = { hint: (n) => `${n} servers` };", ['property hint: ${…} servers']],
  ])('flags %s', (_, source, expected) => {
    expect(flagged(source)).toEqual(expected);
  });

  it.each([
    ['a t() call', "<p title={t('timeline.stepBack')}>{t('timeline.back')}</p>"],
    ['a translate="no" span', '<span translate="no">CrashLoopBackOff</span>'],
    ['text nested in a translate="no" element', '<div translate="no"><p>Running</p>{"Pending"}</div>'],
    ['the attributes of a translate="no" element', '<span translate="no" title="kubectl get pods">x</span>'],
    ['English prose marked lang="en"', '<p lang="en" translate="no">Successfully assigned default/web to node-1</p>'],
    ['pre and code', '<pre>$ kubectl describe pod web</pre>'],
    ['a kept term', '<span>Pod</span>'],
    ['kept terms with Chinese', '<span>Pod 已就绪</span>'],
    ['numbers, units and symbols', '<span>× 3 · 500m · 1Gi → 10s (80%)</span>'],
    ['a catalog key as a value', "const TABS = [{ id: 'a', label: 'timeline.steps' }];"],
    ['a literal in a comparison', "<p>{kind === 'Deployment' && t('rollout.title')}</p>"],
    ['the argument of another call', "<p aria-label={format('hidden value')} />"],
    ['an attribute not read by people', '<div className="text-slate-500 px-2" data-testid="yaml-editor" id="panel-describe" />'],
    ['a property not read by people', "const x = { id: 'describe', kind: 'Deployment', variant: 'primary' };"],
    ['the language switch', '<button lang="en">English</button><button>中文</button>'],
    ['a data literal marked on its line', '<input placeholder="web" /> // i18n-data: an example object name'],
    ['a data literal marked on the line before', "// i18n-data: an image reference\nconst x = { placeholder: 'nginx:1.27' };"],
    ['a JSX comment marker', '<>\n{/* i18n-data: the container runtime prints it */}\n<span>pause</span></>'],
  ])('lets %s pass', (_, source) => {
    expect(flagged(source)).toEqual([]);
  });

  it('wants a reason after the marker', () => {
    expect(flagged('<span>pause</span> // i18n-data:')).toEqual(['jsx text: pause']);
  });

  it('names the line of each finding', () => {
    const source = ['export function A() {', '  return (', '    <div>', '      <p>', '        Hello there', '      </p>',
      '      <b title="Close">x</b>', '    </div>', '  );', '}'].join('\n');
    expect(findUntranslated('a.tsx', source).map((f) => [f.line, f.text])).toEqual([[5, 'Hello there'], [7, 'Close']]);
  });

  it('reads .ts modules as TypeScript (no JSX)', () => {
    expect(flagged("const item = { label: 'Cordon', run: <T,>(x: T) => x };", 'items.ts')).toEqual(['property label: Cordon']);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

/** Modules with their own bilingual tables, checked by their own tests. */
const OWN_TABLES = new Set(['src/ui/lessons/uiText.ts']);

const modules = ['src/ui', 'src/graph']
  .flatMap((dir) => sourceFiles(join(ROOT, dir)))
  .map((path) => relative(ROOT, path).split('\\').join('/'))
  .filter((file) => !OWN_TABLES.has(file))
  .sort();

describe('the UI source has no English left', () => {
  it('reads the panes and the graph', () => {
    expect(modules).toContain('src/ui/inspector/Inspector.tsx');
    expect(modules).toContain('src/graph/podView.ts');
    expect(modules.length).toBeGreaterThan(100);
  });

  it.each(modules)('%s', (file) => {
    const findings = findUntranslated(file, readFileSync(join(ROOT, file), 'utf8')).map((f) => formatFinding(file, f));
    expect(findings, `English left in ${file}: translate it with t('area.key'), mark data translate="no", or mark a data literal // i18n-data: why`).toEqual([]);
  });
});
