/**
 * Drives the engine through many scenarios (every lesson to its end, rollouts, workloads, Services
 * and traffic, HPA, storage, config errors, live volume-file updates, namespaces, quota, every fault command) and checks that
 * each Step message it records gets a Chinese rendering that keeps its numbers and object names.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/engine';
import { LESSONS } from '../../src/lessons/library';
import { runLesson } from '../../src/lessons/runner';
import { renderingProblems } from './stepTextChecks';
import { FAULTS } from './stepTextFaults';
import { PLATFORM } from './stepTextPlatform';
import { VOLUME_FILES } from './stepTextVolumeFiles';
import { WORKLOADS, type Scenario } from './stepTextWorkloads';

/** The distinct messages of a run whose rendering falls short, with what is wrong. */
function untranslated(c: Cluster): string[] {
  const seen = new Set<string>();
  const failures: string[] = [];
  for (const step of c.steps) {
    if (seen.has(step.message)) continue;
    seen.add(step.message);
    const problems = renderingProblems(step.message);
    if (problems.length) failures.push(`${step.actor}: ${step.message}\n    ${problems.join('; ')}`);
  }
  return failures;
}

const SCENARIOS: Scenario[] = [...WORKLOADS, ...PLATFORM, ...VOLUME_FILES, ...FAULTS];

describe('every Step message of a scenario reads in Chinese, numbers and names kept', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_, scenario) => {
    const c = createCluster({ nodes: scenario.nodes ?? 3 });
    scenario.run(c);
    // the scenario really ran: many Steps, and no reconcile failed with a programming error
    expect(c.steps.length).toBeGreaterThan(50);
    expect(c.steps.filter((s) => s.message.startsWith('Error syncing')).map((s) => s.message)).toEqual([]);
    expect(untranslated(c)).toEqual([]);
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s, run to its end', (_, lesson) => {
    const c = createCluster();
    const results = runLesson(c, lesson);
    expect(results.length).toBe(lesson.stages.length);
    expect(untranslated(c)).toEqual([]);
  });
});
