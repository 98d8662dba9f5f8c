/**
 * Session notices in both languages: the store and src/share keep codes with parameters, the
 * classroom words them — in English exactly as the playground always has (browser tests find the
 * notices by it), and in Chinese, with names and the engine's English prose kept as marked data.
 */
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEMO_MANIFEST } from '../../src/demo/demoManifest';
import { createCluster } from '../../src/engine/index';
import { partsText, type TextPart } from '../../src/i18n/textParts';
import { translator } from '../../src/i18n/translate';
import { toBase64url } from '../../src/share/base64url';
import { encodeSession } from '../../src/share/encode';
import { readSessionFile } from '../../src/share/file';
import { sessionFromHash } from '../../src/share/link';
import type { ArgProblem, ArgType, SessionProblem } from '../../src/share/problems';
import { DEFAULT_SETTINGS, makeSession, type RecordedCall } from '../../src/share/session';
import { checkArgs, checkSession, MAX_REPLAY_CALLS, type SessionCheck } from '../../src/share/validate';
import { createPlaygroundStore } from '../../src/store/createStore';
import { SESSION_KEY } from '../../src/store/persistence';
import { noticeTone, type SessionNotice, type SessionNoticeBody, type SessionSource } from '../../src/store/sessionNotices';
import { sessionNoticeParts } from '../../src/ui/classroom/sessionNoticeText';
import { memoryStorage } from '../store/fakeCluster';

const zhT = translator('zh-CN');
const load = (storage = memoryStorage()) => createPlaygroundStore({ createCluster, demoText: DEMO_MANIFEST, storage, saveDelayMs: 100 });
const noticeOf = (store: ReturnType<typeof load>): SessionNotice => {
  const notice = store.getState().sessionNotice;
  if (!notice) throw new Error('expected a notice');
  return notice;
};
const english = (notice: SessionNoticeBody) => partsText(sessionNoticeParts(notice));

function failure(check: SessionCheck | null): SessionProblem {
  if (!check || check.ok) throw new Error('expected a failure');
  return check.problem;
}

const valid = () => JSON.parse(JSON.stringify(makeSession(DEFAULT_SETTINGS, [{ op: 'apply', at: 1, args: ['kind: Pod'] }], 1, 2))) as Record<string, unknown>;
const spoiled = (spoil: (v: Record<string, unknown>) => void) => {
  const v = valid();
  spoil(v);
  return failure(checkSession(v));
};
const badArgs = (op: RecordedCall, args: unknown[]) => spoiled((v) => { v.journal = [{ op, at: 0, args }]; });

/** Every reason src/share and the import give, made by the real code, with its English as the playground words it. */
const REASONS: [SessionProblem, string][] = [
  [{ code: 'tooLarge', bytes: 40 * 1024 * 1024 }, 'it is 40 MB, larger than any session'],
  [{ code: 'unreadable' }, 'the browser could not read it'],
  [{ code: 'replayFailed', error: 'boom at Step 3' }, 'replaying it failed: boom at Step 3'],
  [failure(readSessionFile('not json')), 'it is not JSON (a session file is the .kubeplay.json that "Export session" saves)'],
  [failure(sessionFromHash('#s=')), 'the link holds no session data'],
  [failure(sessionFromHash('#s=!!!')), 'it contains characters a session never has (was it cut or changed when copied?)'],
  [failure(sessionFromHash('#s=AAAA')), 'its data is incomplete or damaged (was it cut short when copied?)'],
  [failure(sessionFromHash(`#s=${toBase64url(deflateSync(strToU8('not json')))}`)), 'its data is damaged'],
  [spoiled((v) => { v.format = 'other'; }), 'it is not a Kube Playground session'],
  [spoiled((v) => { v.version = 7; }), 'it is a version 7 session; this playground reads version 1'],
  [spoiled((v) => { v.settings = 'x'; }), 'it has no cluster settings'],
  [spoiled((v) => { v.settings = { ...DEFAULT_SETTINGS, seed: -1 }; }), 'the seed must be a whole number from 0 to 2147483647'],
  [spoiled((v) => { v.settings = { ...DEFAULT_SETTINGS, nodes: 500 }; }), 'the number of Nodes must be a whole number from 0 to 50'],
  [spoiled((v) => { v.settings = { ...DEFAULT_SETTINGS, proxyMode: 'nftables' }; }), 'the kube-proxy mode must be iptables or ipvs'],
  [spoiled((v) => { delete v.journal; }), 'it has no journal of engine calls'],
  [spoiled((v) => { v.cursor = -1; }), 'it has no timeline position'],
  [spoiled((v) => { v.journal = [{ op: 'step', count: MAX_REPLAY_CALLS + 1 }]; }), 'it replays more than 200000 engine calls'],
  [spoiled((v) => { v.journal = [3]; }), 'journal entry 1 is not an engine call'],
  [spoiled((v) => { v.journal = [{ op: 'step', count: 0 }]; }), 'journal entry 1 has no step count'],
  [spoiled((v) => { v.journal = [{ op: 'eval', at: 0, args: [] }]; }), 'journal entry 1 is an unknown call "eval"'],
  [spoiled((v) => { v.journal = [{ op: 'apply', args: ['x'] }]; }), 'journal entry 1 (apply) has no Step index'],
  [spoiled((v) => { v.journal = [{ op: 'apply', at: 0 }]; }), 'journal entry 1 (apply) has no arguments'],
  [badArgs('scale', ['Deployment', 'web', 5, 'default', 'x']), 'journal entry 1: scale takes at most 4 arguments, not 5'],
  [badArgs('scale', ['Deployment']), 'journal entry 1: scale needs argument 2'],
  [badArgs('apply', [1]), 'journal entry 1: argument 1 of apply must be a string'],
  [badArgs('scale', ['Deployment', 'web', '5']), 'journal entry 1: argument 3 of scale must be a number'],
  [badArgs('setSuspended', ['Job', 'j', 'yes']), 'journal entry 1: argument 3 of setSuspended must be true or false'],
  [badArgs('delete', ['Pod', 'p', 'default', 'Foreground']), 'journal entry 1: argument 4 of delete must be an object'],
];

const LINK: SessionSource = { from: 'link' };
const FILE: SessionSource = { from: 'file', name: 'my “class”.kubeplay.json' };

function rejected(source: SessionSource, reason: SessionProblem): SessionNotice {
  const store = load();
  store.getState().rejectSession(source, reason);
  return noticeOf(store);
}

/** Chinese text parts: Chinese, with only these Latin words as words (terms kept in English); the rest marked. */
const KEPT_LATIN = new Set(['Node', 'Nodes', 'Kube', 'Playground', 'JSON', 'MB', 'kube', 'proxy', 'iptables', 'ipvs', 'true', 'false', 'kubeplay', 'json', 'Pod']);
function expectChinese(parts: TextPart[], englishProse: string[] = []) {
  const words = parts.filter((p) => p.kind === 'text').flatMap((p) => p.text.match(/[A-Za-z]+/g) ?? []);
  expect(words.filter((w) => !KEPT_LATIN.has(w))).toEqual([]);
  expect(partsText(parts)).toMatch(/[\u4e00-\u9fff]/);
  expect(parts.filter((p) => p.kind === 'english').map((p) => p.text)).toEqual(englishProse);
}

describe('refused links and files', () => {
  it('covers every reason and every argument problem (a new code is a type error here until it is)', () => {
    const codes: Record<SessionProblem['code'], true> = {
      notJson: true, notSession: true, version: true, noSettings: true, seed: true, nodes: true, proxyMode: true, noJournal: true,
      noPosition: true, tooLong: true, noData: true, badCharacters: true, incomplete: true, damaged: true, entryNotCall: true,
      entryNoCount: true, entryUnknown: true, entryNoIndex: true, entryNoArgs: true, entryArgs: true, tooLarge: true,
      unreadable: true, replayFailed: true,
    };
    const args: Record<Exclude<ArgProblem['code'], 'type'> | `type:${ArgType}`, true> = {
      tooMany: true, missing: true, 'type:s': true, 'type:n': true, 'type:b': true, 'type:o': true,
    };
    expect(new Set(REASONS.map(([r]) => r.code))).toEqual(new Set(Object.keys(codes)));
    const argProblems = REASONS.flatMap(([r]) => (r.code === 'entryArgs' ? [r.problem] : []));
    expect(new Set(argProblems.map((p) => (p.code === 'type' ? `type:${p.type}` : p.code)))).toEqual(new Set(Object.keys(args)));
    expect(checkArgs('apply', ['kind: Pod'])).toBeUndefined();
  });

  it.each(REASONS)('%j: exact English, and Chinese', (reason, sentence) => {
    const link = rejected(LINK, reason);
    const file = rejected(FILE, reason);
    expect(link.tone).toBe('error');
    expect(english(link)).toBe(`The share link cannot be opened: ${sentence}. Nothing was changed.`);
    expect(english(file)).toBe(`The file “my “class”.kubeplay.json” cannot be opened: ${sentence}. Nothing was changed.`);
    const prose = reason.code === 'replayFailed' ? [reason.error] : [];
    expectChinese(sessionNoticeParts(link, zhT), prose);
    expectChinese(sessionNoticeParts(file, zhT), prose);
    expect(sessionNoticeParts(file, zhT).find((p) => p.kind === 'data')).toEqual({ kind: 'data', text: 'my “class”.kubeplay.json' });
  });

  it('words a refused file in Chinese, its name kept as data', () => {
    expect(sessionNoticeParts(rejected({ from: 'file', name: 'lesson.kubeplay.json' }, failure(readSessionFile('{'))), zhT)).toEqual([
      { kind: 'text', text: '无法打开文件“' },
      { kind: 'data', text: 'lesson.kubeplay.json' },
      { kind: 'text', text: '”：它不是 JSON（会话文件是“导出会话”保存的 .kubeplay.json 文件）。未做任何更改。' },
    ]);
  });

  it('words nested reasons: a journal entry whose argument has the wrong type, the call kept as data', () => {
    const parts = sessionNoticeParts(rejected(LINK, badArgs('setSuspended', ['Job', 'j', 'yes'])), zhT);
    expect(partsText(parts)).toBe('无法打开分享链接：调用记录第 1 条：setSuspended 的第 3 个参数必须是布尔值（true 或 false）。未做任何更改。');
    expect(parts.filter((p) => p.kind === 'data')).toEqual([{ kind: 'data', text: 'setSuspended' }]);
  });

  it('keeps an engine error English inside the Chinese sentence', () => {
    expect(sessionNoticeParts(rejected(LINK, { code: 'replayFailed', error: 'boom at Step 3' }), zhT)).toEqual([
      { kind: 'text', text: '无法打开分享链接：重放失败：' },
      { kind: 'english', text: 'boom at Step 3' },
      { kind: 'text', text: '。未做任何更改。' },
    ]);
  });
});

describe('opened sessions', () => {
  it('words an opened session, and one that replays differently', () => {
    const author = load();
    for (let i = 0; i < 4; i++) author.getState().stepForward();
    const session = author.getState().captureSession();
    const reader = load();
    reader.getState().openSession(session, LINK);
    const opened = noticeOf(reader);
    const { cursor, cluster } = reader.getState();
    expect(opened.tone).toBe('info');
    expect(english(opened)).toBe(`Opened the share link: Step ${cursor} of ${cluster.steps.length - 1}.`);
    expect(partsText(sessionNoticeParts(opened, zhT))).toBe(`已打开分享链接：第 ${cursor} 步（共 ${cluster.steps.length - 1} 步）。`);

    reader.getState().openSession(session, { from: 'file', name: 'a.kubeplay.json' });
    const file = noticeOf(reader);
    expect(english(file)).toBe(`Opened the file “a.kubeplay.json”: Step ${cursor} of ${cluster.steps.length - 1}.`);
    expect(partsText(sessionNoticeParts(file, zhT))).toBe(`已打开文件“a.kubeplay.json”：第 ${cursor} 步（共 ${cluster.steps.length - 1} 步）。`);

    const moreSteps = { ...session, steps: session.steps + 3 };
    const shifted = { ...session, journal: session.journal.map((e) => ('at' in e ? { ...e, at: e.at + 1 } : e)) };
    for (const [differs, source, because] of [
      [moreSteps, { from: 'file', name: 'a.kubeplay.json' }, `the session had ${session.steps + 3} Steps but replays to ${session.steps}`],
      [shifted, LINK, /^apply was made at Step (\d+) but replays at Step (\d+)$/],
    ] as const) {
      reader.getState().openSession(differs, source);
      const notice = noticeOf(reader);
      const { cursor: at, cluster: now } = reader.getState();
      expect(notice.tone).toBe('warning');
      const where = source.from === 'link' ? 'the share link' : `the file “${source.name}”`;
      const prefix = `Opened ${where} at Step ${at} of ${now.steps.length - 1}, but it replays differently in this version of the playground: `;
      const text = english(notice);
      expect(text.startsWith(prefix) && text.endsWith('.')).toBe(true);
      expect(text.slice(prefix.length, -1)).toMatch(because);
      expectChinese(sessionNoticeParts(notice, zhT));
    }
  });
});

describe('the saved session', () => {
  it('words the saved session that could not be restored or replays differently', () => {
    const damaged = noticeOf(load(memoryStorage({ [SESSION_KEY]: 'not-a-session' })));
    expect(damaged).toMatchObject({ tone: 'warning', code: 'savedNotRestored' });
    expect(english(damaged)).toMatch(/^The saved session could not be restored \(its? [^()]+(\([^()]+\))?\); the editor text was applied instead\.$/);
    expectChinese(sessionNoticeParts(damaged, zhT));

    const author = load();
    for (let i = 0; i < 3; i++) author.getState().stepForward();
    const session = author.getState().captureSession();
    const differs = noticeOf(load(memoryStorage({ [SESSION_KEY]: encodeSession({ ...session, steps: session.steps + 2 }) })));
    expect(differs.tone).toBe('warning');
    expect(english(differs)).toBe(`The saved session replays differently in this version of the playground: the session had ${session.steps + 2} Steps but replays to ${session.steps}.`);
    expect(partsText(sessionNoticeParts(differs, zhT))).toBe(`保存的会话在这个版本的 Playground 中重放的结果不同：会话原有 ${session.steps + 2} 个步骤，但重放得到 ${session.steps} 个。`);
  });
});

describe('every notice, in both languages', () => {
  it.each<[SessionNoticeBody, string, string]>([
    [{ code: 'restarted', nodes: 1, seed: 7, mode: 'ipvs' }, 'The cluster started again: 1 Node, seed 7, kube-proxy in ipvs mode.', '集群已重新启动：1 个 Node，随机种子 7，kube-proxy 使用 ipvs 模式。'],
    [{ code: 'restarted', nodes: 3, seed: 0, mode: 'iptables' }, 'The cluster started again: 3 Nodes, seed 0, kube-proxy in iptables mode.', '集群已重新启动：3 个 Node，随机种子 0，kube-proxy 使用 iptables 模式。'],
    [{ code: 'exported', name: 'kube-playground-step-4.kubeplay.json' }, 'Saved the session as kube-playground-step-4.kubeplay.json.', '已将会话保存为 kube-playground-step-4.kubeplay.json。'],
    [{ code: 'opened', from: 'link', cursor: 3, last: 9, mismatch: { code: 'callAt', op: 'scale', at: 4, now: 5 } },
      'Opened the share link at Step 3 of 9, but it replays differently in this version of the playground: scale was made at Step 4 but replays at Step 5.',
      '已打开分享链接，位于第 3 步（共 9 步），但它在这个版本的 Playground 中重放的结果不同：scale 记录于第 4 步，但重放时位于第 5 步。'],
    [{ code: 'savedNotRestored', reason: { code: 'damaged' } },
      'The saved session could not be restored (its data is damaged); the editor text was applied instead.', '无法恢复保存的会话（其数据已损坏），已改为应用编辑器中的文本。'],
    [{ code: 'savedDiffers', mismatch: { code: 'stepCount', count: 12, now: 10 } },
      'The saved session replays differently in this version of the playground: the session had 12 Steps but replays to 10.',
      '保存的会话在这个版本的 Playground 中重放的结果不同：会话原有 12 个步骤，但重放得到 10 个。'],
    [{ code: 'savedNotReplayed', error: 'boom' }, 'The saved session could not be replayed (boom); the editor text was applied instead.', '无法重放保存的会话（boom），已改为应用编辑器中的文本。'],
  ])('%j', (notice, inEnglish, inChinese) => {
    expect(english(notice)).toBe(inEnglish);
    expect(partsText(sessionNoticeParts(notice, zhT))).toBe(inChinese);
  });

  it('marks the values: the mode and file names as data, the engine error as English prose', () => {
    expect(sessionNoticeParts({ code: 'restarted', nodes: 1, seed: 7, mode: 'ipvs' }, zhT).filter((p) => p.kind !== 'text'))
      .toEqual([{ kind: 'data', text: 'ipvs' }]);
    expect(sessionNoticeParts({ code: 'savedNotReplayed', error: 'boom' }, zhT)[1]).toEqual({ kind: 'english', text: 'boom' });
  });

  it('is as loud as it needs to be', () => {
    expect(noticeTone({ code: 'exported', name: 'x' })).toBe('info');
    expect(noticeTone({ code: 'restarted', nodes: 1, seed: 1, mode: 'ipvs' })).toBe('info');
    expect(noticeTone({ code: 'opened', from: 'link', cursor: 1, last: 1 })).toBe('info');
    expect(noticeTone({ code: 'savedNotReplayed', error: 'x' })).toBe('warning');
    expect(noticeTone({ code: 'rejected', from: 'link', reason: { code: 'damaged' } })).toBe('error');
  });
});
