import { Suspense, lazy } from 'react';
import { usePlayground } from '../../store';

// The library's texts load with the dialog, not with the first screen.
const LessonsDialog = lazy(() => import('./LessonsDialog'));

/** Mounts the Lessons dialog while it is open. */
export function LessonsDialogHost() {
  const open = usePlayground((s) => s.lessonsOpen);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <LessonsDialog />
    </Suspense>
  );
}
