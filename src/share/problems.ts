/**
 * Why a link, a file or the saved session holds no session this playground can replay, and how a
 * replay differed from its recording: codes with their parameters, never sentences. The UI words
 * them in its language (`src/ui/classroom/sessionProblemText.ts`); what came from elsewhere (a
 * call's name, a version, an engine error) stays a parameter, shown as it is.
 */
import type { RecordedCall } from './session';

/** The argument types of recorded calls (`RECORDED_CALLS`): string, number, boolean, object. */
export type ArgType = 's' | 'n' | 'b' | 'o';

/** Why a journal entry's arguments do not fit its call (`checkArgs`; a `step` entry's `withinMs` as its argument 1). */
export type ArgProblem =
  | { code: 'tooMany'; op: RecordedCall; max: number; count: number }
  | { code: 'missing'; op: RecordedCall; i: number }
  | { code: 'type'; op: RecordedCall | 'step'; i: number; type: ArgType };

/** Why a value holds no usable session; `n` counts journal entries from 1. */
export type SessionProblem =
  // what the checks of src/share find
  | { code: 'notJson' }
  | { code: 'notSession' }
  | { code: 'version'; version: string; supported: number }
  | { code: 'noSettings' }
  | { code: 'seed'; max: number }
  | { code: 'nodes'; max: number }
  | { code: 'proxyMode' }
  | { code: 'noJournal' }
  | { code: 'noPosition' }
  | { code: 'tooLong'; max: number }
  | { code: 'noData' }
  | { code: 'badCharacters' }
  | { code: 'incomplete' }
  | { code: 'damaged' }
  | { code: 'entryNotCall'; n: number }
  | { code: 'entryNoCount'; n: number }
  | { code: 'entryUnknown'; n: number; op: string }
  | { code: 'entryNoIndex'; n: number; op: RecordedCall }
  | { code: 'entryNoArgs'; n: number; op: RecordedCall }
  | { code: 'entryArgs'; n: number; problem: ArgProblem }
  // what opening it met: a file too large or unreadable, a replay that threw (the engine's English)
  | { code: 'tooLarge'; bytes: number }
  | { code: 'unreadable' }
  | { code: 'replayFailed'; error: string };

/** Where a replay first differed from the recording (a link made by another version of the playground). */
export type ReplayMismatch =
  | { code: 'callAt'; op: RecordedCall; at: number; now: number }
  | { code: 'stepCount'; count: number; now: number };
