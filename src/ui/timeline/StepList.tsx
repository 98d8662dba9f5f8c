import { useEffect } from 'react';
import { usePlayground } from '../../store';
import { StepRow } from './StepRow';
import { useVirtualWindow } from './useVirtualWindow';

const ROW_HEIGHT = 30;

/**
 * Every Step, oldest first, with the one at the cursor highlighted and kept in view. Only the
 * rows in sight are rendered, so ten thousand Steps scroll as smoothly as ten.
 */
export function StepList() {
  const count = usePlayground((s) => s.cluster.steps.length);
  const cursor = usePlayground((s) => s.cursor);
  const steps = usePlayground((s) => s.cluster.steps);
  const setCursor = usePlayground((s) => s.setCursor);
  const { ref, first, last, totalHeight, scrollIntoView } = useVirtualWindow(count, ROW_HEIGHT);

  useEffect(() => {
    scrollIntoView(cursor);
  }, [cursor, count, scrollIntoView]);

  const rows = [];
  for (let i = first; i <= last; i++) {
    const step = steps[i];
    if (!step) continue;
    rows.push(
      <StepRow key={i} step={step} current={i === cursor} top={i * ROW_HEIGHT} height={ROW_HEIGHT} setSize={count} onSelect={setCursor} />,
    );
  }

  return (
    <div ref={ref} role="list" aria-label="Steps" className="relative min-h-0 flex-1 overflow-y-auto border-t border-slate-200">
      {count === 0 ? (
        <p className="p-3 text-[13px] text-slate-500">No Steps yet. Apply some YAML, then press Step or Play.</p>
      ) : (
        <div style={{ height: totalHeight }} className="relative">{rows}</div>
      )}
    </div>
  );
}
