import { Fragment, type ReactNode } from 'react';

/**
 * A parameter value standing for a React node in a translated message: `t` fills in strings only,
 * but data inside chrome (a name in bold, a path in monospace, marked `translate="no"`) keeps its
 * own element. Pass `slot(i)` as the parameter, then `withNodes(message, [node0, node1, …])`.
 */
export const slot = (i: number): string => `\u0001${i}\u0001`;

/** The message with each `slot(i)` replaced by `nodes[i]`, wherever the language put it. */
export function withNodes(message: string, nodes: readonly ReactNode[]): ReactNode {
  // split with a capture group interleaves text and slot indices: [text, i, text, i, text]
  return message.split(/\u0001(\d+)\u0001/).map((part, i) => (i % 2 ? <Fragment key={i}>{nodes[Number(part)]}</Fragment> : part));
}
