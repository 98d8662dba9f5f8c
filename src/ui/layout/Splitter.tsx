import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  /** `vertical`: a vertical bar that resizes widths; `horizontal`: a bar that resizes heights. */
  orientation: 'vertical' | 'horizontal';
  label: string;
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right/down grows the pane, -1 when it shrinks it. */
  direction: 1 | -1;
  onChange(value: number): void;
}

const KEY_STEP = 16;

/** A draggable, keyboard-operable divider between two panes (WAI-ARIA window splitter). */
export function Splitter({ orientation, label, value, min, max, direction, onChange }: SplitterProps) {
  const drag = useRef<{ start: number; value: number } | null>(null);
  const vertical = orientation === 'vertical';
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));
  const pos = (e: PointerEvent) => (vertical ? e.clientX : e.clientY);

  const onKeyDown = (e: KeyboardEvent) => {
    const grow = vertical ? { ArrowRight: 1, ArrowLeft: -1 } : { ArrowDown: 1, ArrowUp: -1 };
    const delta = grow[e.key as keyof typeof grow];
    if (delta !== undefined) onChange(clamp(value + delta * direction * KEY_STEP));
    else if (e.key === 'Home') onChange(min);
    else if (e.key === 'End') onChange(max);
    else return;
    e.preventDefault();
  };

  return (
    <div
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { start: pos(e), value };
      }}
      onPointerMove={(e) => {
        if (drag.current) onChange(clamp(drag.current.value + (pos(e) - drag.current.start) * direction));
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      className={`group relative z-10 shrink-0 touch-none bg-slate-200 focus-visible:outline-none ${
        vertical ? 'w-px cursor-col-resize' : 'h-px cursor-row-resize'
      }`}
    >
      {/* a wider grip than the 1px line, so it is easy to catch; it lights up on hover and focus */}
      <span
        aria-hidden="true"
        className={`absolute transition-colors group-hover:bg-indigo-400/50 group-focus-visible:bg-indigo-500/70 ${
          vertical ? 'inset-y-0 -left-[3px] -right-[3px]' : 'inset-x-0 -top-[3px] -bottom-[3px]'
        }`}
      />
    </div>
  );
}
