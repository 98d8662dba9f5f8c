import { describe, expect, it } from 'vitest';
import { checkHostPathType, type NodePathKind } from '../../../src/engine/controllers/volume/hostPathTypes';

describe('checkHostPathType', () => {
  const created = new Map<string, NodePathKind>([['/data', 'dir']]);
  it.each([
    ['no type: no check', '/nowhere', undefined, { create: [] }],
    ['Directory that exists', '/var/log/', 'Directory', { create: [] }],
    ['Directory created earlier', '/data', 'Directory', { create: [] }],
    ['Directory missing', '/srv/app', 'Directory', { error: 'hostPath type check failed: /srv/app is not a directory' }],
    ['File that is a directory', '/etc', 'File', { error: 'hostPath type check failed: /etc is not a file' }],
    ['File', '/etc/hosts', 'File', { create: [] }],
    ['Socket', '/run/containerd/containerd.sock', 'Socket', { create: [] }],
    ['CharDevice', '/dev/null', 'CharDevice', { create: [] }],
    ['BlockDevice', '/dev/null', 'BlockDevice', { error: 'hostPath type check failed: /dev/null is not a block device' }],
    ['DirectoryOrCreate makes the path and its parents', '/opt/app/cache', 'DirectoryOrCreate',
      { create: [['/opt/app/cache', 'dir'], ['/opt/app', 'dir']] }],
    ['FileOrCreate on a directory', '/tmp', 'FileOrCreate', { error: 'hostPath type check failed: /tmp is not a file' }],
    ['FileOrCreate', '/tmp/x.log', 'FileOrCreate', { create: [['/tmp/x.log', 'file']] }],
  ])('%s', (_name, path, type, want) => {
    expect(checkHostPathType({ path, ...(type ? { type } : {}) }, created)).toEqual(want);
  });
});
