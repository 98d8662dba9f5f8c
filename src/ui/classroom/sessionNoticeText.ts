/**
 * The session notices in the UI's language. The store keeps each notice as a code with its
 * parameters (`src/store/sessionNotices.ts`); here it becomes a message, file names and the
 * engine's English kept as marked data. Pure: `t` decides the language.
 */
import { messageParts, type Mark, type TextPart } from '../../i18n/textParts';
import { englishT, type Translate } from '../../i18n/translate';
import type { SessionNoticeBody } from '../../store/sessionNotices';
import { mismatchMessage, problemMessage } from './sessionProblemText';

function noticeMessage(n: SessionNoticeBody, t: Translate, mark: Mark): string {
  switch (n.code) {
    case 'opened': {
      const at = { cursor: n.cursor, last: n.last };
      if (n.mismatch) {
        const mismatch = mismatchMessage(n.mismatch, t, mark);
        return n.from === 'link'
          ? t('classroom.linkOpenedDiffers', { ...at, mismatch })
          : t('classroom.fileOpenedDiffers', { ...at, name: mark(n.name), mismatch });
      }
      return n.from === 'link' ? t('classroom.linkOpened', at) : t('classroom.fileOpened', { ...at, name: mark(n.name) });
    }
    case 'rejected': {
      const reason = problemMessage(n.reason, t, mark);
      return n.from === 'link' ? t('classroom.linkRejected', { reason }) : t('classroom.fileRejected', { name: mark(n.name), reason });
    }
    case 'exported': return t('classroom.saved', { name: mark(n.name) });
    case 'restarted': return t('classroom.restarted', { nodes: n.nodes, seed: n.seed, mode: mark(n.mode) });
    case 'savedNotRestored': return t('classroom.savedNotRestored', { reason: problemMessage(n.reason, t, mark) });
    case 'savedDiffers': return t('classroom.savedDiffers', { mismatch: mismatchMessage(n.mismatch, t, mark) });
    case 'savedNotReplayed': return t('classroom.savedNotReplayed', { error: mark(n.error, 'english') });
  }
}

/** A session notice in `t`'s language, as parts (data and English prose marked). */
export function sessionNoticeParts(notice: SessionNoticeBody, t: Translate = englishT): TextPart[] {
  return messageParts((mark) => noticeMessage(notice, t, mark));
}
