/**
 * The store's sessions over the real engine: saved locally and restored on reload at the same
 * Step, opened from a link or file (or refused, changing nothing), reset with new settings.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_MANIFEST } from '../../src/demo/demoManifest';
import { createCluster } from '../../src/engine/index';
import { encodeSession } from '../../src/share/encode';
import { createPlaygroundStore } from '../../src/store/createStore';
import { EDITOR_TEXT_KEY, SESSION_KEY } from '../../src/store/persistence';
import type { SessionNotice } from '../../src/store/sessionNotices';
import { partsText } from '../../src/i18n/textParts';
import { sessionNoticeParts } from '../../src/ui/classroom/sessionNoticeText';
import { memoryStorage } from '../store/fakeCluster';

type Storage = ReturnType<typeof memoryStorage>;

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n';

/** The notice as the learner reads it in English. */
const noticeText = (notice: SessionNotice | null) => (notice ? partsText(sessionNoticeParts(notice)) : '');

/** A page load: a store over the storage the earlier loads left behind. */
const load = (storage: Storage) => createPlaygroundStore({ createCluster, demoText: DEMO_MANIFEST, storage, saveDelayMs: 100 });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the saved session', () => {
  it('is saved once changes pause, and a reload replays it onto the same Step', () => {
    const storage = memoryStorage();
    const first = load(storage);
    for (let i = 0; i < 10; i++) first.getState().stepForward();
    first.getState().scale({ kind: 'Deployment', name: 'web', namespace: 'default' }, 5);
    for (let i = 0; i < 15; i++) first.getState().stepForward();
    first.getState().stepBack();
    first.getState().stepBack();
    expect(storage.data.has(SESSION_KEY)).toBe(false);
    vi.advanceTimersByTime(100);
    expect(storage.data.has(SESSION_KEY)).toBe(true);

    const second = load(storage).getState();
    const was = first.getState();
    expect(second.cluster.steps).toEqual(was.cluster.steps);
    expect(second.cursor).toBe(was.cursor);
    expect(second.following).toBe(false);
    expect(second.cluster.list('Pod').map((p) => p.metadata.name)).toEqual(was.cluster.list('Pod').map((p) => p.metadata.name));
    expect(second.editorText).toBe(DEMO_MANIFEST);
    expect(second.sessionNotice).toBeNull();
  });

  it('when only the start-up apply happened, a reload applies the editor text as it is now', () => {
    const storage = memoryStorage();
    const first = load(storage);
    first.getState().setCursor(0); // a cursor change saves the session
    first.getState().setEditorText(POD);
    vi.advanceTimersByTime(100);
    expect(storage.data.has(SESSION_KEY)).toBe(true);
    const second = load(storage).getState();
    expect(second.cluster.get('Pod', 'solo', 'default')).toBeDefined();
    expect(second.cluster.get('Deployment', 'web', 'default')).toBeUndefined();
  });

  it('keeps the cluster settings across reloads', () => {
    const storage = memoryStorage();
    const first = load(storage);
    first.getState().resetWithSettings({ seed: 9, nodes: 1, proxyMode: 'ipvs' }, true);
    vi.advanceTimersByTime(100);
    const second = load(storage).getState();
    expect(second.clusterSettings).toEqual({ seed: 9, nodes: 1, proxyMode: 'ipvs' });
    expect(second.cluster.list('Node').map((n) => n.metadata.name)).toEqual(['node-1']);
    expect(second.cluster.steps).toEqual(first.getState().cluster.steps);
  });

  it('that is damaged is reported, and the editor text is applied instead', () => {
    const storage = memoryStorage({ [SESSION_KEY]: 'not-a-session', [EDITOR_TEXT_KEY]: POD });
    const s = load(storage).getState();
    expect(s.cluster.get('Pod', 'solo', 'default')).toBeDefined();
    expect(s.sessionNotice).toMatchObject({ tone: 'warning', code: 'savedNotRestored', reason: { code: 'badCharacters' } });
    expect(noticeText(s.sessionNotice)).toBe('The saved session could not be restored (it contains characters a session never has (was it cut or changed when copied?)); the editor text was applied instead.');
  });
});

describe('resetWithSettings', () => {
  it('starts a fresh cluster with the Nodes, seed and kube-proxy mode, and applies the editor text when asked', () => {
    const store = load(memoryStorage());
    store.getState().resetWithSettings({ seed: 3, nodes: 2, proxyMode: 'ipvs' }, true);
    const s = store.getState();
    expect(s.clusterSettings).toEqual({ seed: 3, nodes: 2, proxyMode: 'ipvs' });
    expect(s.cluster.list('Node')).toHaveLength(2);
    expect((s.cluster.get('ConfigMap', 'kube-proxy', 'kube-system')?.data as Record<string, string>)['config.conf']).toMatch(/^mode: ipvs$/m);
    expect(s.cluster.get('Deployment', 'web', 'default')).toBeDefined();
    store.getState().resetWithSettings({ seed: 3, nodes: 0, proxyMode: 'iptables' });
    expect(store.getState().cluster.list('Node')).toHaveLength(0);
    expect(store.getState().cluster.get('Deployment', 'web', 'default')).toBeUndefined();
    // the plain reset keeps the chosen settings
    store.getState().resetCluster();
    expect(store.getState().cluster.list('Node')).toHaveLength(0);
  });
});

describe('openSession', () => {
  it('replays a shared session and lands on its Step, the editor holding the last applied text', () => {
    const author = load(memoryStorage());
    author.getState().resetWithSettings({ seed: 5, nodes: 2, proxyMode: 'iptables' });
    author.getState().setEditorText(POD);
    author.getState().applyText();
    for (let i = 0; i < 10; i++) author.getState().stepForward();
    author.getState().setEditorText('# not applied');
    const shared = author.getState().captureSession();

    const storage = memoryStorage();
    const reader = load(storage);
    reader.getState().select({ kind: 'Pod', name: 'x' });
    reader.getState().openSession(shared, { from: 'link' });
    const s = reader.getState();
    expect(s.cluster.steps).toEqual(author.getState().cluster.steps);
    expect(s.cursor).toBe(author.getState().cursor);
    expect(s.editorText).toBe(POD);
    expect(s.clusterSettings).toEqual({ seed: 5, nodes: 2, proxyMode: 'iptables' });
    expect(s.selection).toBeNull();
    expect(s.sessionNotice).toEqual({ id: expect.any(Number), tone: 'info', code: 'opened', from: 'link', cursor: s.cursor, last: s.cluster.steps.length - 1 });
    expect(noticeText(s.sessionNotice)).toBe(`Opened the share link: Step ${s.cursor} of ${s.cluster.steps.length - 1}.`);
    vi.advanceTimersByTime(100);
    expect(storage.data.get(SESSION_KEY)).toBe(encodeSession(shared));
    expect(storage.data.get(EDITOR_TEXT_KEY)).toBe(POD);
  });

  it('refusing a session changes nothing but the notice', () => {
    const store = load(memoryStorage());
    const before = store.getState();
    store.getState().rejectSession({ from: 'link' }, { code: 'damaged' });
    const s = store.getState();
    expect(s.cluster).toBe(before.cluster);
    expect(s.cursor).toBe(before.cursor);
    expect(s.editorText).toBe(before.editorText);
    expect(s.sessionNotice).toMatchObject({ tone: 'error', code: 'rejected', from: 'link', reason: { code: 'damaged' } });
    expect(noticeText(s.sessionNotice)).toBe('The share link cannot be opened: its data is damaged. Nothing was changed.');
  });
});

describe('presentation mode', () => {
  it('toggles', () => {
    const store = load(memoryStorage());
    expect(store.getState().presentation).toBe(false);
    store.getState().togglePresentation();
    expect(store.getState().presentation).toBe(true);
    store.getState().setPresentation(false);
    expect(store.getState().presentation).toBe(false);
  });
});

describe('the saved session, when only the start-up apply happened', () => {
  it('keeps the timeline position when the editor text is unchanged', () => {
    const storage = memoryStorage();
    const first = load(storage);
    first.getState().setCursor(3);
    vi.advanceTimersByTime(100);
    const second = load(storage).getState();
    expect(second.cursor).toBe(3);
    expect(second.following).toBe(false);
    expect(second.cluster.steps).toEqual(first.getState().cluster.steps);
    expect(second.lastApplied).toEqual(first.getState().lastApplied);
  });

  it('shows the errors of a start-up apply that failed, again', () => {
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: no-image\nspec:\n  containers:\n    - name: app\n';
    const storage = memoryStorage({ [EDITOR_TEXT_KEY]: broken });
    const first = load(storage);
    expect(first.getState().problems).not.toEqual([]);
    first.getState().setCursor(2);
    vi.advanceTimersByTime(100);
    expect(storage.data.has(SESSION_KEY)).toBe(true);
    const second = load(storage).getState();
    expect(second.problems).toEqual(first.getState().problems);
    expect(second.cursor).toBe(2);
  });
});
