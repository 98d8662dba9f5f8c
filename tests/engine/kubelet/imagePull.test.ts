import { describe, expect, it } from 'vitest';
import { podStatusColumn } from '../../../src/engine/kubelet/columns';
import { apply, cluster, containerStatus, eventObjects, kubeletEvents, pod, runUntil, status, type Obj } from './kubeletHelpers';

const one = (name: string, image: string, extra = '') => pod(name, `  containers:\n  - name: app\n    image: ${image}\n${extra}`);

describe('kubelet: image pull failures', () => {
  it('reports ErrImagePull, then ImagePullBackOff, retrying after 10s, 20s, 40s, 80s', () => {
    const c = cluster();
    apply(c, one('bad', 'ngnix:1.25'));
    runUntil(c, () => containerStatus(c, 'bad', 'app')?.state?.waiting?.reason === 'ErrImagePull');
    const waiting = containerStatus(c, 'bad', 'app').state.waiting;
    expect(waiting.message).toMatch(/^rpc error: code = NotFound desc = failed to pull and unpack image "docker\.io\/library\/ngnix:1\.25"/);
    expect(podStatusColumn(c.get('Pod', 'bad') as Obj)).toBe('ErrImagePull');
    expect(status(c, 'bad').phase).toBe('Pending');

    runUntil(c, () => containerStatus(c, 'bad', 'app')?.state?.waiting?.reason === 'ImagePullBackOff');
    expect(containerStatus(c, 'bad', 'app').state.waiting.message).toBe('Back-off pulling image "ngnix:1.25"');
    expect(podStatusColumn(c.get('Pod', 'bad') as Obj)).toBe('ImagePullBackOff');

    runUntil(c, () => kubeletEvents(c).filter((e) => e.text.startsWith('Pulling:')).length >= 5, 600_000);
    const pulling = kubeletEvents(c).filter((e) => e.text.startsWith('Pulling:')).map((e) => e.time);
    const failed = kubeletEvents(c).filter((e) => e.text.startsWith('Failed: Failed to pull')).map((e) => e.time);
    expect(pulling.slice(1, 5).map((t, i) => t - failed[i])).toEqual([10_000, 20_000, 40_000, 80_000]);
  });

  it('emits the Failed and BackOff events upstream emits', () => {
    const c = cluster();
    apply(c, one('bad', 'ngnix:1.25'));
    runUntil(c, () => containerStatus(c, 'bad', 'app')?.state?.waiting?.reason === 'ImagePullBackOff');
    const events = eventObjects(c, 'bad').filter((e) => e.source.component === 'kubelet');
    const brief = events.map((e) => `${e.type} ${e.reason}: ${e.message.slice(0, 40)}`);
    expect(brief).toContain('Warning Failed: Error: ErrImagePull');
    expect(brief).toContain('Normal BackOff: Back-off pulling image "ngnix:1.25"');
    expect(brief).toContain('Warning Failed: Error: ImagePullBackOff');
    const failedPull = events.find((e) => e.message.startsWith('Failed to pull image'))!;
    expect(failedPull.message).toMatch(/^Failed to pull image "ngnix:1\.25": rpc error: code = NotFound/);
    expect(failedPull.count).toBeGreaterThanOrEqual(2);
  });

  it('reports an unparsable reference as InvalidImageName without pulling', () => {
    const c = cluster();
    apply(c, one('invalid', 'NGINX:latest'));
    runUntil(c, () => containerStatus(c, 'invalid', 'app')?.state?.waiting?.reason === 'InvalidImageName');
    const waiting = containerStatus(c, 'invalid', 'app').state.waiting;
    expect(waiting.message).toMatch(/^Failed to apply default image tag "NGINX:latest": couldn't parse image name "NGINX:latest": /);
    const reasons = eventObjects(c, 'invalid').filter((e) => e.source.component === 'kubelet').map((e) => `${e.type} ${e.reason}`);
    expect(reasons).toEqual(['Warning InspectFailed', 'Warning Failed']);
    expect(podStatusColumn(c.get('Pod', 'invalid') as Obj)).toBe('InvalidImageName');
  });

  it('refuses to pull with imagePullPolicy Never when the image is absent', () => {
    const c = cluster();
    apply(c, one('never', 'nginx:1.25', '    imagePullPolicy: Never\n'));
    runUntil(c, () => containerStatus(c, 'never', 'app')?.state?.waiting?.reason === 'ErrImageNeverPull');
    expect(containerStatus(c, 'never', 'app').state.waiting.message)
      .toBe('Container image "nginx:1.25" is not present with pull policy of Never');
    expect(eventObjects(c, 'never').filter((e) => e.source.component === 'kubelet').map((e) => `${e.reason}: ${e.message}`)).toEqual([
      'ErrImageNeverPull: Container image "nginx:1.25" is not present with pull policy of Never', 'Failed: Error: ErrImageNeverPull']);
  });

  it('starts with imagePullPolicy Never when another pod already pulled the image', () => {
    const c = cluster();
    apply(c, one('first', 'nginx:1.25'));
    runUntil(c, () => status(c, 'first').phase === 'Running');
    apply(c, one('never', 'nginx:1.25', '    imagePullPolicy: Never\n'));
    runUntil(c, () => status(c, 'never').phase === 'Running');
    expect(eventObjects(c, 'never').find((e) => e.reason === 'Pulled')?.message).toBe('Container image "nginx:1.25" already present on machine');
  });
});
