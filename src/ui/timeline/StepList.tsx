import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import { StepGroupRow } from './filters/StepGroupRow';
import { useStepRows } from './filters/useStepRows';
import { StepRow } from './StepRow';
import { useVirtualWindow } from './useVirtualWindow';

const ROW_HEIGHT = 30;

/**
 * Every Step, oldest first, with the one at the cursor highlighted and kept in view. Only the
 * rows in sight are rendered, so ten thousand Steps scroll as smoothly as ten. A filter hides the
 * Steps it does not match; a grouping shows a reconcile or a virtual second as one expandable row.
 */
export function StepList() {
  const t = useT();
  const count = usePlayground((s) => s.cluster.steps.length);
  const cursor = usePlayground((s) => s.cursor);
  const steps = usePlayground((s) => s.cluster.steps);
  const grouping = usePlayground((s) => s.stepGrouping);
  const setCursor = usePlayground((s) => s.setCursor);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const rows = useStepRows(expanded);
  const { ref, first, last, totalHeight, scrollIntoView } = useVirtualWindow(rows.length, ROW_HEIGHT);
  const cursorRow = rows.positionOf(cursor);

  useEffect(() => {
    scrollIntoView(cursorRow);
  }, [cursorRow, rows.length, scrollIntoView]);

  const toggle = useCallback((groupFirst: number) => {
    setExpanded((old) => {
      const next = new Set(old);
      if (!next.delete(groupFirst)) next.add(groupFirst);
      return next;
    });
  }, []);

  const items = [];
  for (let p = first; p <= last; p++) {
    const row = rows.row(p);
    if (!row) continue;
    if (row.type === 'group') {
      const g = row.group;
      items.push(
        <StepGroupRow key={`g${g.first}`} group={g} grouping={grouping} firstStep={steps[g.first]} expanded={row.expanded}
          current={cursor >= g.first && cursor <= g.last && !(row.expanded && rows.visible(cursor))}
          top={p * ROW_HEIGHT} height={ROW_HEIGHT} position={p + 1} setSize={rows.length} onSelect={setCursor} onToggle={toggle} />,
      );
      continue;
    }
    const step = steps[row.index];
    if (!step) continue;
    items.push(
      <StepRow key={row.nested ? `n${row.index}` : row.index} step={step} current={row.index === cursor} top={p * ROW_HEIGHT}
        height={ROW_HEIGHT} setSize={rows.length} position={p + 1} nested={row.nested} onSelect={setCursor} />,
    );
  }

  const hidden = count > 0 && !rows.visible(cursor);
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div ref={ref} role="list" aria-label={t('timeline.steps')} className="relative min-h-0 flex-1 overflow-y-auto">
        {count === 0 ? (
          <p className="p-3 text-[13px] text-slate-500">{t('timeline.empty')}</p>
        ) : rows.length === 0 ? (
          <p className="p-3 text-[13px] text-slate-500">{t('timeline.noMatch')}</p>
        ) : (
          <div style={{ height: totalHeight }} className="relative">{items}</div>
        )}
      </div>
      {hidden && (
        <p className="shrink-0 border-t border-amber-200 bg-amber-50 px-3 py-1 text-[12px] text-amber-900">
          {t('timeline.cursorHidden', { step: cursor })}
        </p>
      )}
    </div>
  );
}
