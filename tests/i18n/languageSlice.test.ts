/** The store's language: chosen first from the saved choice or the browser, switchable without losing state. */
import { describe, expect, it } from 'vitest';
import { DEMO_MANIFEST } from '../../src/demo/demoManifest';
import { createCluster } from '../../src/engine/index';
import { LANGUAGE_STORAGE_KEY } from '../../src/i18n/language';
import { createPlaygroundStore } from '../../src/store/createStore';
import { memoryStorage } from '../store/fakeCluster';

function start(languages: readonly string[], saved: Record<string, string> = {}) {
  const storage = memoryStorage(saved);
  const store = createPlaygroundStore({ createCluster, demoText: DEMO_MANIFEST, storage, languages, saveDelayMs: 0 });
  return { store, storage };
}

describe('the language slice', () => {
  it.each([
    [['zh-CN', 'en'], {}, 'zh-CN'],
    [['zh-TW'], {}, 'zh-CN'],
    [['en-US', 'zh-CN'], {}, 'en'],
    [['de-DE'], {}, 'en'],
    [['zh-CN'], { [LANGUAGE_STORAGE_KEY]: 'en' }, 'en'],
    [['en-US'], { [LANGUAGE_STORAGE_KEY]: 'zh-CN' }, 'zh-CN'],
  ] as const)('browser %j with saved %j starts in %s', (languages, saved, expected) => {
    expect(start(languages, saved).store.getState().language).toBe(expected);
  });

  it('switches at any time, keeps the choice, and changes nothing else', () => {
    const { store, storage } = start(['en-US']);
    store.getState().stepForward();
    store.getState().select({ kind: 'Deployment', name: 'web', namespace: 'default' });
    const before = store.getState();

    store.getState().setLanguage('zh-CN');
    const after = store.getState();
    expect(after.language).toBe('zh-CN');
    expect(storage.data.get(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    expect(after.cluster).toBe(before.cluster);
    expect(after.cursor).toBe(before.cursor);
    expect(after.version).toBe(before.version);
    expect(after.selection).toBe(before.selection);
    expect(after.editorText).toBe(before.editorText);

    store.getState().setLanguage('en');
    expect(store.getState().language).toBe('en');
    expect(storage.data.get(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('ignores a value that is not a language', () => {
    const { store } = start(['en']);
    store.getState().setLanguage('fr' as never);
    expect(store.getState().language).toBe('en');
  });

  it('a new visit starts in the language chosen on the last one', () => {
    const first = start(['en-US']);
    first.store.getState().setLanguage('zh-CN');
    const saved = Object.fromEntries(first.storage.data);
    expect(start(['en-US'], saved).store.getState().language).toBe('zh-CN');
  });
});
