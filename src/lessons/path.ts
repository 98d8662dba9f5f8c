/**
 * Field paths into API objects and records, as lessons write them:
 *   `status.availableReplicas`
 *   `status.containerStatuses[name=client].state.terminated.exitCode`  (the element whose `name` is `client`)
 *   `spec.containers[0].image`, `items[-1]` (negative: from the end)
 *   `metadata.annotations["deployment.kubernetes.io/revision"]`  (keys holding dots)
 */

export type PathSegment =
  | { key: string }
  | { index: number }
  | { where: string; equals: string };

/** Splits a path into segments; throws on a malformed path (a lesson's programming fault). */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`bad path "${path}" at ${i}: ${why}`);
  };
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      i++;
      continue;
    }
    if (ch === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) fail('missing ]');
      segments.push(bracket(path.slice(i + 1, close), fail));
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
    const word = path.slice(i, end);
    segments.push(/^-?\d+$/.test(word) ? { index: Number(word) } : { key: word });
    i = end;
  }
  return segments;
}

function bracket(inner: string, fail: (why: string) => never): PathSegment {
  const quoted = /^"(.*)"$/.exec(inner) ?? /^'(.*)'$/.exec(inner);
  if (quoted) return { key: quoted[1] };
  if (/^-?\d+$/.test(inner)) return { index: Number(inner) };
  const eq = inner.indexOf('=');
  if (eq > 0) return { where: inner.slice(0, eq), equals: inner.slice(eq + 1) };
  return fail(`cannot read [${inner}]`);
}

/** The value at `path` in `value`; undefined as soon as a step finds nothing. */
export function readPath(value: unknown, path: string | undefined): unknown {
  if (path === undefined || path === '') return value;
  let current: unknown = value;
  for (const seg of parsePath(path)) {
    if (current === undefined || current === null) return undefined;
    current = stepInto(current, seg);
  }
  return current;
}

function stepInto(current: unknown, seg: PathSegment): unknown {
  if ('index' in seg) {
    if (!Array.isArray(current)) return undefined;
    return current[seg.index < 0 ? current.length + seg.index : seg.index];
  }
  if ('where' in seg) {
    if (!Array.isArray(current)) return undefined;
    return current.find((item) => item !== null && typeof item === 'object'
      && String((item as Record<string, unknown>)[seg.where]) === seg.equals);
  }
  if (typeof current !== 'object') return undefined;
  return (current as Record<string, unknown>)[seg.key];
}
