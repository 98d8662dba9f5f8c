/**
 * Drives a Cluster through a lesson's stages: enter a stage (apply its manifests, run its
 * commands), step the cluster to the stage's pause point within a virtual-time bound, and judge
 * the prediction's choices against the engine state after the run. Pure: no React, no store; the
 * UI and the tests share it, so the answers the tests check are the ones the learner sees.
 */
import type { ApplyResult, Cluster, ClusterView } from '../engine/api';
import { runCommand, type CommandOutcome } from './commands';
import { evaluate } from './conditions';
import type { Condition, Lesson, Stage } from './types';

export type { CommandOutcome };

/** What entering a stage did, and where its run starts. */
export interface StageEntry {
  index: number;
  /** The cluster's Step count before the stage's apply: its first Step has this index. */
  firstStep: number;
  /** Virtual time once the manifests were applied and the commands run. */
  startTime: number;
  applied?: ApplyResult;
  commands: CommandOutcome[];
  /** Why the stage did not enter cleanly: apply errors and failed commands. */
  errors: string[];
}

export interface RunLimits {
  /** Virtual ms a run may take before it gives up. */
  maxMs: number;
  maxSteps: number;
}

export const DEFAULT_LIMITS: RunLimits = { maxMs: 30 * 60_000, maxSteps: 50_000 };

export interface StageRun {
  reached: boolean;
  /** Steps the run recorded. */
  steps: number;
  elapsedMs: number;
  /** Why the pause point was not reached. */
  problem?: string;
}

export interface EnterOptions {
  /** How manifests are applied (the UI applies through the store, to show them in the editor). */
  apply?: (yaml: string) => ApplyResult;
}

export function enterStage(cluster: Cluster, stage: Stage, index: number, options: EnterOptions = {}): StageEntry {
  const firstStep = cluster.steps.length;
  const errors: string[] = [];
  let applied: ApplyResult | undefined;
  if (stage.apply !== undefined) {
    applied = (options.apply ?? ((y: string) => cluster.apply(y)))(stage.apply);
    if (!applied.ok) errors.push(...applied.errors.map((e) => `apply: ${e.message}`));
  }
  const commands = (stage.commands ?? []).map((cmd) => {
    const outcome = runCommand(cluster, cmd);
    if (!outcome.ok) errors.push(`${outcome.line}: ${outcome.message}`);
    return outcome;
  });
  return { index, firstStep, startTime: cluster.now, applied, commands, errors };
}

const isCondition = (u: Stage['runUntil']): u is Condition => typeof u === 'object' && !('ms' in u);

/** Whether the cluster, as it is now, is at the stage's pause point. */
export function stageReached(cluster: Cluster, stage: Stage, entry: StageEntry): boolean {
  const until = stage.runUntil;
  if (until === undefined) return true;
  if (until === 'settled') return cluster.nextActionTime() === undefined;
  if (isCondition(until)) return evaluate(until, cluster);
  return cluster.now >= entry.startTime + until.ms;
}

/**
 * One move toward the pause point: the next Step, or (for a span of time with nothing due
 * before its end) the clock moved to the end. False when already there or nothing can happen.
 */
export function stepTowardPause(cluster: Cluster, stage: Stage, entry: StageEntry): boolean {
  if (stageReached(cluster, stage, entry)) return false;
  const until = stage.runUntil;
  if (typeof until === 'object' && 'ms' in until) {
    // advance, not step: step() may run on to a later timer when an action records nothing,
    // which would carry the clock past the end of the span
    const end = entry.startTime + until.ms;
    const next = cluster.nextActionTime();
    cluster.advance((next === undefined || next > end ? end : next) - cluster.now);
    return true;
  }
  return cluster.step() !== undefined;
}

/** Steps the cluster until the stage's pause point, within the limits. */
export function runStage(cluster: Cluster, stage: Stage, entry: StageEntry, limits: RunLimits = DEFAULT_LIMITS): StageRun {
  const start = cluster.now;
  const firstStep = cluster.steps.length;
  const result = (reached: boolean, problem?: string): StageRun =>
    ({ reached, steps: cluster.steps.length - firstStep, elapsedMs: cluster.now - start, ...(problem ? { problem } : {}) });
  // moves are bounded too: a move that records no Step (a quiet timer) still counts
  for (let moves = 0; !stageReached(cluster, stage, entry); moves++) {
    if (cluster.now - start > limits.maxMs || cluster.steps.length - firstStep >= limits.maxSteps || moves >= 4 * limits.maxSteps) {
      return result(false, `not reached within ${limits.maxMs / 1000}s / ${limits.maxSteps} Steps`);
    }
    if (!stepTowardPause(cluster, stage, entry)) return result(false, 'the cluster has nothing left to do');
  }
  return result(true);
}

/** The cluster after each Step since the stage was entered (the current view when there was none). */
export function stageSpan(cluster: Cluster, entry: StageEntry): ClusterView[] {
  const views: ClusterView[] = [];
  for (let i = entry.firstStep; i < cluster.steps.length; i++) views.push(cluster.at(i));
  return views.length ? views : [cluster];
}

/** Indexes of the prediction's choices that hold now, judged over the stage's run. */
export function predictionTruth(cluster: Cluster, stage: Stage, entry: StageEntry): number[] {
  if (!stage.predict) return [];
  const span = stageSpan(cluster, entry);
  return stage.predict.check.flatMap((c, i) => (evaluate(c, cluster, span) ? [i] : []));
}

export interface StageResult {
  entry: StageEntry;
  run: StageRun;
  /** Indexes of the true choices (only for stages with a prediction). */
  truth?: number[];
}

/** Enters and runs stages `from` … `to − 1` in order (replaying a lesson up to a stage). */
export function runStages(cluster: Cluster, lesson: Lesson, from: number, to: number, options: EnterOptions = {}, limits?: RunLimits): StageResult[] {
  const results: StageResult[] = [];
  for (let i = from; i < to; i++) {
    const stage = lesson.stages[i];
    const entry = enterStage(cluster, stage, i, options);
    const run = runStage(cluster, stage, entry, limits);
    results.push({ entry, run, ...(stage.predict ? { truth: predictionTruth(cluster, stage, entry) } : {}) });
  }
  return results;
}

/** Runs a whole lesson on the cluster given (a fresh default cluster in the tests). */
export function runLesson(cluster: Cluster, lesson: Lesson, limits?: RunLimits): StageResult[] {
  return runStages(cluster, lesson, 0, lesson.stages.length, {}, limits);
}
