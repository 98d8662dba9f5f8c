import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import { Splitter } from './Splitter';

interface PlaygroundLayoutProps {
  editor: ReactNode;
  canvas: ReactNode;
  inspector: ReactNode;
  timeline: ReactNode;
  /** Presentation mode: the timeline at least `PRESENTING_TIMELINE_MIN` tall (big step controls). */
  presenting?: boolean;
  /** The left column folded away (kept mounted, so the editor's undo history stays). */
  editorFolded?: boolean;
}

/** The timeline's least height while presenting: the big step controls and a few Steps under them. */
const PRESENTING_TIMELINE_MIN = 240;

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
export function PlaygroundLayout({ editor, canvas, inspector, timeline, presenting = false, editorFolded = false }: PlaygroundLayoutProps) {
  const t = useT();
  const [initial] = useState(initialSizes);
  const [editorWidth, setEditorWidth] = useState(initial.editorWidth);
  const [inspectorWidth, setInspectorWidth] = useState(initial.inspectorWidth);
  const [timelineHeight, setTimelineHeight] = useState(initial.timelineHeight);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex min-h-0 flex-1">
        <div className="min-w-0 shrink-0" style={{ width: editorWidth, display: editorFolded ? 'none' : undefined }} data-pane="editor">
          {editor}
        </div>
        {!editorFolded && <Splitter orientation="vertical" label={t('layout.resizeEditor')} value={editorWidth} min={280} max={900} direction={1} onChange={setEditorWidth} />}
        <main aria-label={t('layout.cluster')} className="relative min-w-0 flex-1 bg-slate-50" data-pane="cluster">
          {canvas}
        </main>
        <Splitter orientation="vertical" label={t('layout.resizeInspector')} value={inspectorWidth} min={240} max={720} direction={-1} onChange={setInspectorWidth} />
        <aside aria-label={t('layout.inspector')} className="min-w-0 shrink-0 overflow-hidden bg-white" style={{ width: inspectorWidth }} data-pane="inspector">
          {inspector}
        </aside>
      </div>
      <Splitter orientation="horizontal" label={t('layout.resizeTimeline')} value={timelineHeight} min={96} max={560} direction={-1} onChange={setTimelineHeight} />
      <section aria-label={t('layout.timeline')} className="shrink-0 overflow-hidden bg-white" data-pane="timeline"
        style={{ height: presenting ? Math.max(timelineHeight, PRESENTING_TIMELINE_MIN) : timelineHeight }}>
        {timeline}
      </section>
    </div>
  );
}
