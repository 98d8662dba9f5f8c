/**
 * What exists on a Node's filesystem, for hostPath type checks: the directories, files, sockets and
 * devices of a kind node (a Debian container running containerd and the kubelet), plus what
 * hostPath volumes of type DirectoryOrCreate / FileOrCreate have created there since.
 * upstream: pkg/volume/hostpath/host_path.go (checkType, checkTypeInternal)
 */
import type { HostPathVolumeSource } from 'kubernetes-types/core/v1';

export type NodePathKind = 'dir' | 'file' | 'socket' | 'char' | 'block';

const DIRS = ['/', '/bin', '/boot', '/dev', '/etc', '/etc/kubernetes', '/etc/kubernetes/manifests', '/etc/kubernetes/pki',
  '/etc/containerd', '/etc/cni', '/etc/cni/net.d', '/etc/ssl', '/etc/ssl/certs', '/home', '/kind', '/lib', '/lib/modules',
  '/lib64', '/mnt', '/opt', '/opt/cni', '/opt/cni/bin', '/proc', '/root', '/run', '/run/containerd', '/sbin', '/srv',
  '/sys', '/sys/fs', '/sys/fs/cgroup', '/sys/fs/bpf', '/tmp', '/usr', '/usr/bin', '/usr/lib', '/usr/local', '/usr/local/bin',
  '/usr/share', '/var', '/var/lib', '/var/lib/kubelet', '/var/lib/kubelet/pods', '/var/lib/kubelet/plugins',
  '/var/lib/kubelet/plugins_registry', '/var/lib/containerd', '/var/lib/etcd', '/var/log', '/var/log/pods',
  '/var/log/containers', '/var/run', '/var/tmp', '/var/local-path-provisioner'];
const FILES = ['/etc/hosts', '/etc/hostname', '/etc/resolv.conf', '/etc/passwd', '/etc/group', '/etc/os-release',
  '/etc/machine-id', '/etc/localtime', '/etc/fstab', '/etc/containerd/config.toml', '/var/lib/kubelet/config.yaml',
  '/etc/kubernetes/kubelet.conf', '/etc/kubernetes/admin.conf'];
const SOCKETS = ['/run/containerd/containerd.sock', '/var/run/containerd/containerd.sock'];
const CHARS = ['/dev/null', '/dev/zero', '/dev/random', '/dev/urandom', '/dev/tty', '/dev/kmsg', '/dev/fuse', '/dev/console'];

const BASE = new Map<string, NodePathKind>([
  ...DIRS.map((p): [string, NodePathKind] => [p, 'dir']), ...FILES.map((p): [string, NodePathKind] => [p, 'file']),
  ...SOCKETS.map((p): [string, NodePathKind] => [p, 'socket']), ...CHARS.map((p): [string, NodePathKind] => [p, 'char']),
]);

const normalize = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/** What is at `path` on a node, given what hostPath volumes created there (`created`). */
export function nodePathKind(path: string, created: ReadonlyMap<string, NodePathKind>): NodePathKind | undefined {
  const p = normalize(path);
  return created.get(p) ?? BASE.get(p);
}

/**
 * upstream checkTypeInternal: the SetUp error for a hostPath volume, or what it creates on the node
 * (DirectoryOrCreate / FileOrCreate on a missing path; parent directories come along).
 */
export function checkHostPathType(source: HostPathVolumeSource, created: ReadonlyMap<string, NodePathKind>):
  { error: string } | { create: [string, NodePathKind][] } {
  const path = normalize(source.path);
  const kind = nodePathKind(path, created);
  const type = source.type ?? '';
  const fail = (what: string) => ({ error: `hostPath type check failed: ${source.path} is not ${what}` });
  const withParents = (leaf: NodePathKind): { create: [string, NodePathKind][] } => {
    const out: [string, NodePathKind][] = [[path, leaf]];
    for (let dir = path.slice(0, path.lastIndexOf('/')); dir && !nodePathKind(dir, created); dir = dir.slice(0, dir.lastIndexOf('/'))) {
      out.push([dir, 'dir']);
    }
    return { create: out };
  };
  switch (type) {
    case '': return { create: [] };
    case 'DirectoryOrCreate': if (!kind) return withParents('dir'); return kind === 'dir' ? { create: [] } : fail('a directory');
    case 'Directory': return kind === 'dir' ? { create: [] } : fail('a directory');
    case 'FileOrCreate': if (!kind) return withParents('file'); return kind === 'file' ? { create: [] } : fail('a file');
    case 'File': return kind === 'file' ? { create: [] } : fail('a file');
    case 'Socket': return kind === 'socket' ? { create: [] } : fail('a socket file');
    case 'CharDevice': return kind === 'char' ? { create: [] } : fail('a character device');
    case 'BlockDevice': return kind === 'block' ? { create: [] } : fail('a block device');
    default: return { error: `${type} is an invalid volume type` };
  }
}
