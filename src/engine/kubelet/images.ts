import { deepFreeze } from '../util/objects';
/**
 * Image references and pulls, as containerd's CRI plugin and the kubelet's image manager see them:
 * reference normalisation (distribution/reference), catalog lookup, the runtime's pull errors, and
 * a deterministic pull time.
 */
import { BASE_BINARIES, REPOS, type BaseOs, type RepoSpec, type VariantSpec } from './imageCatalog';

export interface ImagePort { port: number; protocol: 'TCP' | 'UDP'; name?: string }

export interface ImageInfo {
  /** Normalized, e.g. `docker.io/library/nginx:1.25` (or `…@sha256:…` when pulled by digest). */
  reference: string;
  repository: string;
  /** Empty when the reference names only a digest. */
  tag: string;
  sizeBytes: number;
  entrypoint: string[];
  cmd: string[];
  ports: ImagePort[];
  workingDir?: string;
  /** Binaries this image has, so the interpreter can say "executable file not found". */
  binaries: string[];
  /** Which program model runs the image's processes (`nginx`, `redis`, `bitnami-redis`, …). */
  family?: string;
  /** Base layer (decides busybox vs coreutils wording). */
  base?: BaseOs;
  /** `sha256:…`: the digest given, else a stable synthetic one (for status.imageID). */
  digest?: string;
}

export type ImageLookup =
  | { ok: true; image: ImageInfo }
  | { ok: false; reason: 'InvalidImageName' | 'ErrImagePull'; message: string };

interface ParsedRef { domain: string; path: string; tag?: string; digest?: string }

// upstream: github.com/distribution/reference regexp.go
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])`;
const NAME = `(?:${HOST}(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE = new RegExp(`^(${NAME})(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`);

/** distribution/reference ParseNormalizedNamed; returns the error text on failure. */
function parseNormalizedNamed(s: string): ParsedRef | string {
  if (/^[a-f0-9]{64}$/.test(s)) return `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`;
  const [defaultDomain, remainder] = splitDockerDomain(s);
  const tagSep = remainder.indexOf(':');
  const remoteName = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remoteName.toLowerCase() !== remoteName) return `invalid reference format: repository name (${remoteName}) must be lowercase`;
  const full = `${defaultDomain}/${remainder}`;
  const m = REFERENCE.exec(full);
  if (!m) {
    if (full === '') return 'repository name must have at least one component';
    if (REFERENCE.test(full.toLowerCase())) return 'repository name must be lowercase';
    return 'invalid reference format';
  }
  if (m[1].length > 255) return 'repository name must not be more than 255 characters';
  const digest = m[3];
  if (digest) {
    const [algo, hex] = digest.split(':');
    if (algo !== 'sha256' && algo !== 'sha384' && algo !== 'sha512') return 'unsupported digest algorithm';
    if (hex.length !== { sha256: 64, sha384: 96, sha512: 128 }[algo]) return 'invalid checksum digest length';
  }
  const slash = m[1].indexOf('/');
  return { domain: m[1].slice(0, slash), path: m[1].slice(slash + 1), tag: m[2], digest };
}

function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf('/');
  let domain: string;
  let remainder: string;
  const first = i === -1 ? '' : name.slice(0, i);
  if (i === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = 'docker.io';
    remainder = name;
  } else {
    domain = first;
    remainder = name.slice(i + 1);
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  return [domain, remainder];
}

function formatRef(p: ParsedRef): string {
  const tag = p.tag ?? (p.digest ? undefined : 'latest');
  return `${p.domain}/${p.path}${tag ? `:${tag}` : ''}${p.digest ? `@${p.digest}` : ''}`;
}

/** `nginx` → `docker.io/library/nginx:latest`; undefined for an invalid reference format. */
export function normalizeImageRef(ref: string): string | undefined {
  const parsed = parseNormalizedNamed(ref);
  return typeof parsed === 'string' ? undefined : formatRef(parsed);
}

/** Registries that answer under another name (the k8s.gcr.io freeze, Docker Hub mirrors). */
const ALIASES: [RegExp, string][] = [
  [/^(k8s\.gcr\.io|gcr\.io\/google[-_]containers|(us|eu|asia)\.gcr\.io\/k8s-artifacts-prod)\//, 'registry.k8s.io/'],
  [/^(mirror\.gcr\.io|public\.ecr\.aws\/docker)\//, 'docker.io/'],
];

const REPO_INDEX = new Map<string, RepoSpec>(REPOS.map((r) => [r.repo, r]));

function findRepo(repository: string): RepoSpec | undefined {
  let name = repository;
  for (const [re, to] of ALIASES) name = name.replace(re, to);
  return REPO_INDEX.get(name);
}

/** The tag's variant, `null` for the plain tag, undefined when the repository has no such tag. */
function resolveTag(spec: RepoSpec, tag: string): VariantSpec | null | undefined {
  const plain = (t: string) => spec.tags.includes(t) || (spec.tagPattern !== undefined && new RegExp(`^(?:${spec.tagPattern})$`).test(t));
  if (plain(tag)) return null;
  for (const v of spec.variants ?? []) {
    const re = new RegExp(`^(?:(.+)-)?(?:${v.suffix})$`);
    const m = re.exec(tag);
    if (m && (m[1] === undefined ? v.alone : plain(m[1]))) return v;
  }
  return undefined;
}

function parsePorts(spec: string | undefined): ImagePort[] {
  if (!spec) return [];
  return spec.split(' ').map((p) => {
    const [port, proto] = p.split('/');
    return { port: Number(port), protocol: proto === 'UDP' ? 'UDP' : 'TCP' };
  });
}

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

function buildImage(spec: RepoSpec, variant: VariantSpec | null, p: ParsedRef, reference: string): ImageInfo {
  const base = variant?.base ?? spec.base;
  const entrypoint = variant?.entrypoint ?? spec.entrypoint ?? [];
  const cmd = variant?.cmd ?? spec.cmd ?? [];
  const own = `${spec.bins ?? ''} ${variant?.bins ?? ''}`.split(' ').filter(Boolean);
  const starters = [entrypoint[0], cmd[0]].filter((x): x is string => !!x && !x.startsWith('-')).map(basename);
  const binaries = [...new Set([...BASE_BINARIES[base].split(' '), ...own, ...starters])].filter(Boolean);
  return {
    reference, repository: `${p.domain}/${p.path}`, tag: p.tag ?? '',
    sizeBytes: Math.round((variant?.mb ?? spec.mb) * 1e6), entrypoint, cmd,
    ports: parsePorts(variant?.ports ?? spec.ports), workingDir: spec.workingDir, binaries,
    family: variant?.family ?? spec.family ?? basename(spec.repo), base,
    digest: p.digest ?? syntheticDigest(reference),
  };
}

/** A stable 64-hex digest derived from the reference (FNV-1a, chained); real digests are not known offline. */
function syntheticDigest(s: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${round}:${s}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return `sha256:${out}`;
}

const KNOWN_HOSTS = /^(docker\.io|registry\.k8s\.io|k8s\.gcr\.io|([a-z]+\.)?gcr\.io|[a-z0-9-]+-docker\.pkg\.dev|quay\.io|ghcr\.io|mcr\.microsoft\.com|public\.ecr\.aws|registry\.gitlab\.com|nvcr\.io|docker\.elastic\.co|registry\.redhat\.io|registry\.access\.redhat\.com|cgr\.dev|[0-9]+\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com|[a-z0-9]+\.azurecr\.io)$/;

/** containerd's resolve failure for a repository or tag the registry does not have. */
function pullError(p: ParsedRef, reference: string, repoKnown: boolean): string {
  const frame = (code: string, detail: string) =>
    `rpc error: code = ${code} desc = failed to pull and unpack image "${reference}": failed to resolve reference "${reference}": ${detail}`;
  if (repoKnown) return frame('NotFound', `${reference}: not found`);
  const host = p.domain;
  if (host === 'docker.io') {
    return frame('NotFound', 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed');
  }
  if (/(^|\.)gcr\.io$|-docker\.pkg\.dev$/.test(host) && host !== 'k8s.gcr.io') {
    const scope = encodeURIComponent(`repository:${p.path}:pull`);
    return frame('Unknown', `failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://${host}/v2/token?scope=${scope}&service=${host}: 403 Forbidden`);
  }
  if (KNOWN_HOSTS.test(host)) return frame('NotFound', `${reference}: not found`);
  const object = p.digest ?? p.tag ?? 'latest';
  const url = `https://${host}/v2/${p.path}/manifests/${object}`;
  const bare = host.replace(/:\d+$/, '');
  const port = /:(\d+)$/.exec(host)?.[1] ?? '443';
  if (bare === 'localhost' || bare === '127.0.0.1') {
    return frame('Unknown', `failed to do request: Head "${url}": dial tcp 127.0.0.1:${port}: connect: connection refused`);
  }
  return frame('Unknown', `failed to do request: Head "${url}": dial tcp: lookup ${bare}: no such host`);
}

/**
 * Resolves a container's `image` like the kubelet (applyDefaultImageTag) and containerd (pull) would:
 * an unparsable reference is InvalidImageName; a repository or tag the catalog lacks is ErrImagePull
 * with the runtime's message.
 */
const lookups = new Map<string, ImageLookup>();

/** The catalog is fixed, so a reference always resolves the same way: resolve each one once. */
export function lookupImage(ref: string): ImageLookup {
  let hit = lookups.get(ref);
  if (!hit) {
    hit = deepFreeze(resolveImage(ref));
    lookups.set(ref, hit);
  }
  return hit;
}

function resolveImage(ref: string): ImageLookup {
  const parsed = parseNormalizedNamed(ref);
  if (typeof parsed === 'string') {
    return { ok: false, reason: 'InvalidImageName', message: `Failed to apply default image tag "${ref}": couldn't parse image name "${ref}": ${parsed}` };
  }
  const reference = formatRef(parsed);
  const spec = findRepo(`${parsed.domain}/${parsed.path}`);
  if (!spec) return { ok: false, reason: 'ErrImagePull', message: pullError(parsed, reference, false) };
  // upstream: a reference with a digest is pulled by digest; the tag is not consulted.
  const variant = parsed.digest ? resolveTag(spec, parsed.tag ?? 'latest') ?? null : resolveTag(spec, parsed.tag ?? 'latest');
  if (variant === undefined) return { ok: false, reason: 'ErrImagePull', message: pullError(parsed, reference, true) };
  return { ok: true, image: buildImage(spec, variant, parsed, reference) };
}

/** Deterministic pull time: about 1s of registry round trips plus 30 MB/s of layer download. */
export function pullDurationMs(image: ImageInfo): number {
  return Math.round(1000 + image.sizeBytes / 30_000);
}

/** Whether the image ships an executable by this name or path (paths match on their last element). */
export function hasBinary(image: ImageInfo, name: string): boolean {
  return image.binaries.includes(basename(name));
}
