import { Fragment } from 'react';
import type { TextPart } from '../../i18n/textParts';

interface PartsTextProps {
  parts: readonly TextPart[];
  /**
   * One inline span around the run: inside a flex container (a menu item, a chip, a card row) the
   * parts then stay one line of text with their spaces — unwrapped, each part would be a flex item
   * of its own.
   */
  wrapped?: boolean;
  /** A class for the marked spans (the data and English prose), e.g. `font-mono` for object names. */
  dataClassName?: string;
}

/**
 * Renders text parts (`src/i18n/textParts.ts`): the UI's words as they are, data marked
 * `translate="no"` (names, values) and English prose from Kubernetes or the engine also
 * `lang="en"`, so translators and screen readers leave it alone and read it in the right voice.
 */
export function PartsText({ parts, wrapped = false, dataClassName }: PartsTextProps) {
  const run = parts.map((part, i) =>
    part.kind === 'text' ? (
      <Fragment key={i}>{part.text}</Fragment>
    ) : (
      <span key={i} translate="no" lang={part.kind === 'english' ? 'en' : undefined} className={dataClassName}>{part.text}</span>
    ),
  );
  return wrapped ? <span>{run}</span> : <>{run}</>;
}
