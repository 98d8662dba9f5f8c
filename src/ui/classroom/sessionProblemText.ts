/**
 * Why a session cannot be opened, and how a replay differed, in the UI's language (the codes of
 * `src/share/problems.ts`). Each returns the message with its data marked by `mark` (call names,
 * versions as data; an engine error as English prose), to be nested in a notice. Pure.
 */
import type { Mark } from '../../i18n/textParts';
import type { Translate } from '../../i18n/translate';
import type { ArgProblem, ArgType, ReplayMismatch, SessionProblem } from '../../share/problems';

function argType(type: ArgType, t: Translate): string {
  switch (type) {
    case 's': return t('classroom.typeString');
    case 'n': return t('classroom.typeNumber');
    case 'b': return t('classroom.typeBoolean');
    case 'o': return t('classroom.typeObject');
  }
}

function argProblem(p: ArgProblem, t: Translate, mark: Mark): string {
  switch (p.code) {
    case 'tooMany': return t('classroom.argsTooMany', { op: mark(p.op), max: p.max, count: p.count });
    case 'missing': return t('classroom.argMissing', { op: mark(p.op), i: p.i });
    case 'type': return t('classroom.argType', { op: mark(p.op), i: p.i, type: argType(p.type, t) });
  }
}

/** A reason, to follow "… cannot be opened:" or stand in "could not be restored (…)". */
export function problemMessage(p: SessionProblem, t: Translate, mark: Mark): string {
  switch (p.code) {
    case 'notJson': return t('classroom.reasonNotJson');
    case 'notSession': return t('classroom.reasonNotSession');
    case 'version': return t('classroom.reasonVersion', { version: mark(p.version), supported: p.supported });
    case 'noSettings': return t('classroom.reasonNoSettings');
    case 'seed': return t('classroom.reasonSeed', { max: p.max });
    case 'nodes': return t('classroom.reasonNodes', { max: p.max });
    case 'proxyMode': return t('classroom.reasonProxyMode');
    case 'noJournal': return t('classroom.reasonNoJournal');
    case 'noPosition': return t('classroom.reasonNoPosition');
    case 'tooLong': return t('classroom.reasonTooLong', { max: p.max });
    case 'noData': return t('classroom.reasonNoData');
    case 'badCharacters': return t('classroom.reasonBadCharacters');
    case 'incomplete': return t('classroom.reasonIncomplete');
    case 'damaged': return t('classroom.reasonDamaged');
    case 'entryNotCall': return t('classroom.entryNotCall', { n: p.n });
    case 'entryNoCount': return t('classroom.entryNoCount', { n: p.n });
    case 'entryUnknown': return t('classroom.entryUnknown', { n: p.n, op: mark(p.op) });
    case 'entryNoIndex': return t('classroom.entryNoIndex', { n: p.n, op: mark(p.op) });
    case 'entryNoArgs': return t('classroom.entryNoArgs', { n: p.n, op: mark(p.op) });
    case 'entryArgs': return t('classroom.entryProblem', { n: p.n, problem: argProblem(p.problem, t, mark) });
    case 'tooLarge': return t('classroom.reasonTooLarge', { size: Math.round(p.bytes / 1024 / 1024) });
    case 'unreadable': return t('classroom.reasonUnreadable');
    case 'replayFailed': return t('classroom.reasonReplayFailed', { error: mark(p.error, 'english') });
  }
}

/** Where a replay first differed from the recording. */
export function mismatchMessage(m: ReplayMismatch, t: Translate, mark: Mark): string {
  switch (m.code) {
    case 'callAt': return t('classroom.mismatchAt', { op: mark(m.op), at: m.at, now: m.now });
    case 'stepCount': return t('classroom.mismatchSteps', { count: m.count, now: m.now });
  }
}
