import { useState, type ReactNode } from 'react';
import { usePlayground } from '../../store';
import { LessonPanel } from './LessonPanel';

/**
 * The left column while a lesson is open: the lesson panel above the manifest editor (which shows
 * the stage's manifests), so the canvas stays free for the cluster. Without a lesson, the editor.
 */
export function LessonColumn({ editor }: { editor: ReactNode }) {
  const active = usePlayground((s) => s.lessonProgress !== null);
  const finished = usePlayground((s) => s.lessonProgress?.finished ?? false);
  const [collapsed, setCollapsed] = useState(false);
  if (!active) return <>{editor}</>;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className={`border-b-2 border-indigo-200 ${collapsed || finished ? 'shrink-0' : 'min-h-0 flex-[2_1_0%]'}`}>
        <LessonPanel collapsed={collapsed} onToggle={() => setCollapsed(!collapsed)} />
      </div>
      <div className="min-h-[120px] flex-[1_1_0%]">{editor}</div>
    </div>
  );
}
