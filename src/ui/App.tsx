import { Canvas } from './canvas/Canvas';
import { EditorPane } from './editor/EditorPane';
import { Inspector } from './inspector/Inspector';
import { Header } from './layout/Header';
import { PlaygroundLayout } from './layout/PlaygroundLayout';
import { useStoreProbe } from './common/useStoreProbe';
import { Timeline } from './timeline/Timeline';

export function App() {
  useStoreProbe();
  return (
    <div className="flex h-full flex-col">
      <Header />
      <PlaygroundLayout editor={<EditorPane />} canvas={<Canvas />} inspector={<Inspector />} timeline={<Timeline />} />
    </div>
  );
}
