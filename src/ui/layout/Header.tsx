import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { HeaderFrame } from './HeaderFrame';

/** The product name, what it is for, and the one cluster-wide control. */
export function Header() {
  const resetCluster = usePlayground((s) => s.resetCluster);
  return (
    <HeaderFrame>
        <Button
          variant="ghost"
          onClick={resetCluster}
          title="Start again with an empty cluster of 3 Nodes (the editor text is kept)"
        >
          <span aria-hidden="true">↺</span>
          Reset cluster
        </Button>
    </HeaderFrame>
  );
}
