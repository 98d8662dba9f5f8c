/**
 * Lets the first-screen UI move the editor's cursor without importing Monaco (which loads in a
 * lazy chunk): the editor listens for these requests while it is mounted.
 */
export interface RevealRequest {
  line: number;
  column: number;
}

const target = new EventTarget();
const EVENT = 'reveal';

export function revealInEditor(line: number, column = 1): void {
  target.dispatchEvent(new CustomEvent<RevealRequest>(EVENT, { detail: { line, column } }));
}

/** Subscribes the mounted editor; returns the unsubscribe function. */
export function onRevealRequest(listener: (request: RevealRequest) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<RevealRequest>).detail);
  target.addEventListener(EVENT, handler);
  return () => target.removeEventListener(EVENT, handler);
}
