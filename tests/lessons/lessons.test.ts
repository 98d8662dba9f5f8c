/**
 * Every lesson of the library, run to its end on a fresh default cluster: each stage applies and
 * runs its commands cleanly, reaches its pause point, and the engine agrees with the lesson's
 * answer (exactly the answer's choice holds). Every text is present in English and in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/index';
import { LESSONS, lessonById } from '../../src/lessons/library';
import { runLesson } from '../../src/lessons/runner';
import { hasChinese } from '../../src/lessons/text';
import type { Lesson, Text } from '../../src/lessons/types';

/** Every Text of a lesson with where it sits, for the language checks. */
function texts(lesson: Lesson): [string, Text][] {
  const out: [string, Text][] = [['title', lesson.title], ['summary', lesson.summary]];
  lesson.stages.forEach((s, i) => {
    out.push([`stage ${i + 1} text`, s.text]);
    if (!s.predict) return;
    out.push([`stage ${i + 1} question`, s.predict.question], [`stage ${i + 1} why`, s.predict.why]);
    s.predict.choices.forEach((c, j) => out.push([`stage ${i + 1} choice ${j + 1}`, c]));
  });
  return out;
}

describe('the lesson library', () => {
  it('follows the seed chapters, one lesson each, with unique ids', () => {
    expect(LESSONS.map((l) => l.chapter)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) {
      expect(l.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(lessonById(l.id)).toBe(l);
    }
    expect(lessonById('pod-pause-container')?.title.en).toBe('The Pod and its pause container');
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: every text in both languages, the Chinese one in Chinese', (_, lesson) => {
    for (const [where, text] of texts(lesson)) {
      expect(text.en.trim(), `${where} (en)`).not.toBe('');
      expect(text.zh.trim(), `${where} (zh)`).not.toBe('');
      expect(hasChinese(text.en), `${where} (en) is English`).toBe(false);
      // choices may be pure names or numbers (`web-0, web-1`); every other text reads as Chinese
      if (!/choice/.test(where)) expect(hasChinese(text.zh), `${where} (zh) is Chinese: ${text.zh}`).toBe(true);
    }
    const choices = lesson.stages.flatMap((s) => s.predict?.choices ?? []);
    expect(choices.filter((c) => hasChinese(c.zh)).length, 'most choices read as Chinese').toBeGreaterThan(choices.length / 2);
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: predictions are well formed, and stages pause', (_, lesson) => {
    expect(lesson.stages.length).toBeGreaterThanOrEqual(3);
    expect(lesson.stages.filter((s) => s.predict).length).toBeGreaterThanOrEqual(3);
    for (const stage of lesson.stages) {
      expect(stage.pause).toBe(true);
      const p = stage.predict;
      if (!p) continue;
      expect(p.choices.length).toBeGreaterThanOrEqual(2);
      expect(p.check.length).toBe(p.choices.length);
      expect(Number.isInteger(p.answer) && p.answer >= 0 && p.answer < p.choices.length).toBe(true);
    }
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s, run to its end', (_, lesson) => {
  it('enters every stage cleanly, reaches every pause point, and the engine agrees with every answer', () => {
    const cluster = createCluster();
    const results = runLesson(cluster, lesson);
    expect(results.length).toBe(lesson.stages.length);
    results.forEach((r, i) => {
      const where = `stage ${i + 1}`;
      expect(r.entry.errors, `${where}: apply and commands`).toEqual([]);
      if (lesson.stages[i].apply !== undefined) expect(r.entry.applied?.ok, `${where}: apply`).toBe(true);
      expect(r.run, `${where}: pause point`).toMatchObject({ reached: true });
      const predict = lesson.stages[i].predict;
      if (predict) expect(r.truth, `${where}: "${predict.question.en}"`).toEqual([predict.answer]);
    });
    // nothing in the engine failed with a programming error along the way
    expect(cluster.steps.filter((s) => s.message.startsWith('Error syncing')).map((s) => s.message)).toEqual([]);
  });
});
