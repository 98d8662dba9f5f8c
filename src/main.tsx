import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { StartingShell } from './ui/layout/StartingShell';

// The engine, the store and the panes form one chunk loaded after the first paint (Monaco is a
// further chunk of its own), so the first screen needs only React and this shell.
const App = lazy(() => import('./ui/App').then((m) => ({ default: m.App })));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Suspense fallback={<StartingShell />}>
      <App />
    </Suspense>
  </StrictMode>,
);
