/** Guided lessons: the format, the pure runner, and the helpers the UI uses. The library is `./library`. */
export type * from './types';
export { evaluate } from './conditions';
export { commandLine, runCommand, type CommandOutcome } from './commands';
export {
  DEFAULT_LIMITS, enterStage, predictionTruth, runLesson, runStage, runStages, stageReached, stageSpan, stepTowardPause,
  type EnterOptions, type RunLimits, type StageEntry, type StageResult, type StageRun,
} from './runner';
export { hasChinese, languageOf, LANGUAGES, pick } from './text';
