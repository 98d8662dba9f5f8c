import { useEffect } from 'react';
import { usePlayground } from '../../store';
import { exposeProbe } from './testHook';

/** Adds the store's read-only readers to the window test hook. */
export function useStoreProbe(): void {
  useEffect(() => {
    exposeProbe({
      state() {
        const s = usePlayground.getState();
        return {
          editorText: s.editorText,
          cursor: s.cursor,
          stepCount: s.cluster.steps.length,
          following: s.following,
          playing: s.playing,
          problems: s.problems.map((p) => ({ message: p.message, line: p.line, column: p.column })),
          version: s.version,
        };
      },
      objects(kind) {
        return usePlayground
          .getState()
          .cluster.list(kind)
          .map((o) => `${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`);
      },
    });
  }, []);
}
