import { describe, expect, it } from 'vitest';
import {
  LANGUAGE_STORAGE_KEY, detectLanguage, initialLanguage, isLanguage, loadLanguage, saveLanguage,
} from '../../src/i18n/language';

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

const blocked = {
  getItem(): string | null {
    throw new Error('SecurityError');
  },
  setItem(): void {
    throw new Error('QuotaExceededError');
  },
};

describe('detectLanguage', () => {
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-TW', 'en-US'], 'zh-CN'],
    [['zh-Hans-CN'], 'zh-CN'],
    [['zh_CN'], 'zh-CN'],
    [['ZH-cn'], 'zh-CN'],
    [['en-US', 'zh-CN'], 'en'],
    [['en-GB'], 'en'],
    [['fr-FR', 'zh-CN'], 'zh-CN'],
    [['fr-FR', 'de'], 'en'],
    [['ja-JP'], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (preferred, expected) => {
    expect(detectLanguage(preferred)).toBe(expected);
  });

  it('reads a missing list as English', () => {
    expect(detectLanguage(undefined)).toBe('en');
    expect(detectLanguage(null)).toBe('en');
  });
});

describe('the saved choice', () => {
  it('round-trips through storage', () => {
    const storage = memory();
    expect(loadLanguage(storage)).toBeNull();
    saveLanguage(storage, 'zh-CN');
    expect(storage.data.get(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    expect(loadLanguage(storage)).toBe('zh-CN');
  });

  it('ignores a saved value that is not a language', () => {
    expect(loadLanguage(memory({ [LANGUAGE_STORAGE_KEY]: 'klingon' }))).toBeNull();
    expect(isLanguage('zh')).toBe(false);
  });

  it('wins over the browser languages; the browser decides when nothing was saved', () => {
    expect(initialLanguage(memory({ [LANGUAGE_STORAGE_KEY]: 'en' }), ['zh-CN'])).toBe('en');
    expect(initialLanguage(memory({ [LANGUAGE_STORAGE_KEY]: 'zh-CN' }), ['en-US'])).toBe('zh-CN');
    expect(initialLanguage(memory(), ['zh-CN'])).toBe('zh-CN');
    expect(initialLanguage(null, ['de-DE'])).toBe('en');
  });

  it('survives blocked storage', () => {
    expect(loadLanguage(blocked)).toBeNull();
    expect(() => saveLanguage(blocked, 'zh-CN')).not.toThrow();
    expect(initialLanguage(blocked, ['zh'])).toBe('zh-CN');
  });
});
