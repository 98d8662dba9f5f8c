import { describe, expect, it } from 'vitest';
import { hasBinary, lookupImage, normalizeImageRef, pullDurationMs } from '../../../src/engine/kubelet/images';

describe('normalizeImageRef (containerd / distribution reference)', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25'],
    ['library/nginx:1.25-alpine', 'docker.io/library/nginx:1.25-alpine'],
    ['docker.io/nginx', 'docker.io/library/nginx:latest'],
    ['index.docker.io/library/redis:7', 'docker.io/library/redis:7'],
    ['bitnami/redis', 'docker.io/bitnami/redis:latest'],
    ['registry.k8s.io/pause:3.9', 'registry.k8s.io/pause:3.9'],
    ['k8s.gcr.io/busybox', 'k8s.gcr.io/busybox:latest'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['gcr.io/google-samples/hello-app:1.0', 'gcr.io/google-samples/hello-app:1.0'],
    ['nginx@sha256:' + 'a'.repeat(64), 'docker.io/library/nginx@sha256:' + 'a'.repeat(64)],
    ['nginx:1.25@sha256:' + 'b'.repeat(64), 'docker.io/library/nginx:1.25@sha256:' + 'b'.repeat(64)],
    ['Nginx', undefined],
    ['nginx:', undefined],
    ['nginx:1.25 ', undefined],
    ['a'.repeat(64), undefined],
    ['nginx@sha256:abc', undefined],
  ])('%s → %s', (ref, expected) => {
    expect(normalizeImageRef(ref)).toBe(expected);
  });
});

describe('lookupImage failures, worded as kubelet + containerd print them', () => {
  it('an unknown Docker Hub repository: pull access denied', () => {
    expect(lookupImage('ngnix')).toEqual({
      ok: false, reason: 'ErrImagePull',
      message: 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    });
  });

  it('a known repository with an unknown tag: not found', () => {
    expect(lookupImage('nginx:1.999')).toEqual({
      ok: false, reason: 'ErrImagePull',
      message: 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found',
    });
  });

  it.each([
    ['Nginx', 'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['nginx:', 'Failed to apply default image tag "nginx:": couldn\'t parse image name "nginx:": invalid reference format'],
    ['myorg/MyApp:1', 'Failed to apply default image tag "myorg/MyApp:1": couldn\'t parse image name "myorg/MyApp:1": invalid reference format: repository name (myorg/MyApp) must be lowercase'],
  ])('an invalid reference %s is InvalidImageName', (ref, message) => {
    expect(lookupImage(ref)).toEqual({ ok: false, reason: 'InvalidImageName', message });
  });

  it('an unresolvable registry host fails the DNS lookup', () => {
    const r = lookupImage('registry.example.invalid/team/app:1.0');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe('rpc error: code = Unknown desc = failed to pull and unpack image "registry.example.invalid/team/app:1.0": failed to resolve reference "registry.example.invalid/team/app:1.0": failed to do request: Head "https://registry.example.invalid/v2/team/app/manifests/1.0": dial tcp: lookup registry.example.invalid: no such host');
  });

  it('tags are case-sensitive', () => {
    expect(lookupImage('nginx:Latest').ok).toBe(false);
  });
});

describe('the catalog', () => {
  it.each([
    'nginx', 'nginx:latest', 'nginx:stable', 'nginx:mainline', 'nginx:1.25', 'nginx:1.25.3', 'nginx:1.27-alpine', 'nginx:stable-alpine', 'nginx:alpine', 'nginx:1.14.2', 'nginx:1.29',
    'httpd:2.4', 'httpd:alpine', 'busybox:1.28', 'busybox:1.36.1', 'busybox:musl', 'alpine:3.19', 'alpine:latest', 'ubuntu:22.04', 'ubuntu:jammy', 'debian:bookworm-slim', 'debian:12',
    'redis:7.2', 'redis:7-alpine', 'postgres:16', 'postgres:16-alpine', 'mysql:8.0', 'mysql:5.7', 'mariadb:11', 'mongo:7', 'memcached:1.6', 'rabbitmq:3-management',
    'node:20', 'node:20-alpine', 'node:lts-slim', 'python:3.12', 'python:3.12-slim', 'golang:1.22', 'golang:1.22-alpine', 'traefik:v3.0', 'caddy:2', 'haproxy:2.8',
    'registry.k8s.io/pause:3.9', 'registry.k8s.io/pause:3.10', 'registry.k8s.io/e2e-test-images/agnhost:2.39', 'registry.k8s.io/e2e-test-images/agnhost:2.40',
    'registry.k8s.io/busybox', 'registry.k8s.io/hpa-example', 'k8s.gcr.io/hpa-example', 'nginxdemos/hello', 'hashicorp/http-echo', 'hashicorp/http-echo:1.0',
    'gcr.io/google-samples/hello-app:1.0', 'gcr.io/google-samples/hello-app:2.0', 'us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0', 'perl', 'perl:5.38',
    'bitnami/redis', 'bitnami/nginx:1.27', 'bitnami/postgresql:16.4.0', 'bitnami/kubectl:1.30', 'curlimages/curl:8.5.0',
  ])('has %s', (ref) => {
    expect(lookupImage(ref).ok).toBe(true);
  });

  it('agnhost has no latest tag, as on the registry', () => {
    expect(lookupImage('registry.k8s.io/e2e-test-images/agnhost').ok).toBe(false);
  });

  it.each([
    ['nginx:1.25', ['/docker-entrypoint.sh'], ['nginx', '-g', 'daemon off;'], [80]],
    ['busybox', [], ['sh'], []],
    ['redis:7', ['docker-entrypoint.sh'], ['redis-server'], [6379]],
    ['postgres:16', ['docker-entrypoint.sh'], ['postgres'], [5432]],
    ['mysql:8.0', ['docker-entrypoint.sh'], ['mysqld'], [3306, 33060]],
    ['hashicorp/http-echo', ['/http-echo'], [], [5678]],
    ['registry.k8s.io/pause:3.9', ['/pause'], [], []],
    ['python:3.12', [], ['python3'], []],
  ])('%s carries its image config', (ref, entrypoint, cmd, exposed) => {
    const r = lookupImage(ref);
    if (!r.ok) throw new Error(r.message);
    expect(r.image.entrypoint).toEqual(entrypoint);
    expect(r.image.cmd).toEqual(cmd);
    expect(r.image.ports.map((p) => p.port)).toEqual(exposed);
  });

  it('variants change size and base: alpine is smaller and has busybox, not bash', () => {
    const deb = lookupImage('nginx:1.25');
    const alp = lookupImage('nginx:1.25-alpine');
    if (!deb.ok || !alp.ok) throw new Error('missing');
    expect(alp.image.sizeBytes).toBeLessThan(deb.image.sizeBytes);
    expect(hasBinary(deb.image, 'bash')).toBe(true);
    expect(hasBinary(alp.image, 'bash')).toBe(false);
    expect(hasBinary(alp.image, '/bin/sh')).toBe(true);
  });

  it('a digest of a catalog repository is accepted and kept in the reference', () => {
    const digest = 'sha256:cb111d1bd870a6a471385a4a69ad17469d326e9dd91e0e455350cacf36e1b3ee';
    const r = lookupImage(`registry.k8s.io/redis@${digest}`);
    if (!r.ok) throw new Error(r.message);
    expect(r.image.reference).toBe(`registry.k8s.io/redis@${digest}`);
    expect(r.image.digest).toBe(digest);
  });

  it('k8s.gcr.io serves what registry.k8s.io has, under its own name', () => {
    const r = lookupImage('k8s.gcr.io/pause:3.1');
    if (!r.ok) throw new Error(r.message);
    expect(r.image.reference).toBe('k8s.gcr.io/pause:3.1');
    expect(r.image.repository).toBe('k8s.gcr.io/pause');
  });

  it('synthesises a stable digest for status.imageID', () => {
    const a = lookupImage('nginx:1.25');
    const b = lookupImage('nginx:1.25');
    const c = lookupImage('nginx:1.26');
    if (!a.ok || !b.ok || !c.ok) throw new Error('missing');
    expect(a.image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.image.digest).toBe(b.image.digest);
    expect(a.image.digest).not.toBe(c.image.digest);
  });
});

describe('pullDurationMs', () => {
  it.each([
    [0, 1000],
    [30_000_000, 2000],
    [68_000_000, 3267],
  ])('%d bytes take %d ms (1s + 30 MB/s)', (sizeBytes, ms) => {
    const r = lookupImage('nginx');
    if (!r.ok) throw new Error(r.message);
    expect(pullDurationMs({ ...r.image, sizeBytes })).toBe(ms);
  });
});
