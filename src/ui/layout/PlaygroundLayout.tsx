import { useState, type ReactNode } from 'react';
import { Splitter } from './Splitter';

interface PlaygroundLayoutProps {
  editor: ReactNode;
  canvas: ReactNode;
  inspector: ReactNode;
  timeline: ReactNode;
}

/**
 * Editor left, canvas centre, inspector right, timeline along the bottom; every split can be
 * dragged or moved with the arrow keys.
 */
export function PlaygroundLayout({ editor, canvas, inspector, timeline }: PlaygroundLayoutProps) {
  const [editorWidth, setEditorWidth] = useState(440);
  const [inspectorWidth, setInspectorWidth] = useState(360);
  const [timelineHeight, setTimelineHeight] = useState(220);

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
