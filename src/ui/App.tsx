import { useDocumentLanguage } from '../i18n/useT';
import { Canvas } from './canvas/Canvas';
import { EmptyState } from './classroom/EmptyState';
import { PresentationTimeline } from './classroom/PresentationTimeline';
import { SessionNotice } from './classroom/SessionNotice';
import { useClassroom } from './classroom/useClassroom';
import './classroom/presentation.css';
import { EditorPane } from './editor/EditorPane';
import { Inspector } from './inspector/Inspector';
import { LessonColumn } from './lessons/LessonColumn';
import { LessonsDialogHost } from './lessons/LessonsDialogHost';
import { LessonsInvite } from './lessons/LessonsInvite';
import { Header } from './layout/Header';
import { PlaygroundLayout } from './layout/PlaygroundLayout';
import { useStoreProbe } from './common/useStoreProbe';
import { Timeline } from './timeline/Timeline';
import { usePlayground } from '../store';

export function App() {
  useStoreProbe();
  useDocumentLanguage();
  useClassroom();
  const presenting = usePlayground((s) => s.presentation);
  // presenting folds the editor away, unless a lesson is open: its text is then what the room reads
  const inLesson = usePlayground((s) => s.lessonProgress !== null);
  return (
    <div className={`flex h-full flex-col${presenting ? ' kp-presentation' : ''}`}>
      <Header />
      <PlaygroundLayout
        editor={<LessonColumn editor={<EditorPane />} />}
        canvas={<><Canvas />{!presenting && <LessonsInvite />}<EmptyState /></>}
        inspector={<Inspector />}
        timeline={presenting ? <PresentationTimeline /> : <Timeline />}
        presenting={presenting}
        editorFolded={presenting && !inLesson}
      />
      <SessionNotice />
      <LessonsDialogHost />
    </div>
  );
}
