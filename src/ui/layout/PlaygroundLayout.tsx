import { useState, type ReactNode } from 'react';
import { Splitter } from './Splitter';

interface PlaygroundLayoutProps {
  editor: ReactNode;
  canvas: ReactNode;
  inspector: ReactNode;
  timeline: ReactNode;
}

const clamp = (v: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, v)));

/** Pane sizes that suit the window: a projector at 1280×720 and a wide monitor both leave the canvas room. */
function initialSizes() {
  const width = typeof window === 'undefined' ? 1440 : window.innerWidth;
  const height = typeof window === 'undefined' ? 900 : window.innerHeight;
  return {
    editorWidth: clamp(width * 0.3, 300, 520),
    inspectorWidth: clamp(width * 0.24, 260, 400),
    timelineHeight: clamp(height * 0.24, 140, 260),
  };
}

/**
 * Editor left, canvas centre, inspector right, timeline along the bottom; every split can be
 * dragged or moved with the arrow keys.
 */
export function PlaygroundLayout({ editor, canvas, inspector, timeline }: PlaygroundLayoutProps) {
  const [initial] = useState(initialSizes);
  const [editorWidth, setEditorWidth] = useState(initial.editorWidth);
  const [inspectorWidth, setInspectorWidth] = useState(initial.inspectorWidth);
  const [timelineHeight, setTimelineHeight] = useState(initial.timelineHeight);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex min-h-0 flex-1">
        <div className="min-w-0 shrink-0" style={{ width: editorWidth }}>
          {editor}
        </div>
        <Splitter orientation="vertical" label="Resize editor" value={editorWidth} min={280} max={900} direction={1} onChange={setEditorWidth} />
        <main aria-label="Cluster" className="relative min-w-0 flex-1 bg-slate-50">
          {canvas}
        </main>
        <Splitter orientation="vertical" label="Resize inspector" value={inspectorWidth} min={240} max={720} direction={-1} onChange={setInspectorWidth} />
        <aside aria-label="Inspector" className="min-w-0 shrink-0 overflow-hidden bg-white" style={{ width: inspectorWidth }}>
          {inspector}
        </aside>
      </div>
      <Splitter orientation="horizontal" label="Resize timeline" value={timelineHeight} min={96} max={560} direction={-1} onChange={setTimelineHeight} />
      <section aria-label="Timeline" className="shrink-0 overflow-hidden bg-white" style={{ height: timelineHeight }}>
        {timeline}
      </section>
    </div>
  );
}
