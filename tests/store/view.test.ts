import { describe, expect, it } from 'vitest';
import { stepAt, viewAt } from '../../src/store/view';
import { FakeCluster } from './fakeCluster';

describe('viewAt', () => {
  it('reads the snapshot of the Step at the cursor', () => {
    const c = new FakeCluster(2);
    c.apply('x');
    c.step();
    expect(viewAt(c, 0).stepIndex).toBe(0);
    expect(viewAt(c, 1)).toMatchObject({ stepIndex: 1, now: 1000 });
    expect(stepAt(c, 1)?.actor).toBe('controller');
  });

  it('before any Step, reads the live cluster through a new object each time', () => {
    const c = new FakeCluster();
    const a = viewAt(c, -1);
    const b = viewAt(c, -1);
    expect(a).not.toBe(b);
    expect(a.stepIndex).toBe(-1);
    expect(a.runtime('node-1')).toEqual({ sandboxes: [], containers: [] });
    expect(stepAt(c, -1)).toBeUndefined();
  });
});
