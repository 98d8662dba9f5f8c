/**
 * Names the API server makes (generateName suffixes, uids, pod-template hashes) and the DNS name
 * rules it enforces, with upstream's exact messages.
 * upstream: staging/src/k8s.io/apiserver/pkg/storage/names/generate.go,
 * staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go, pkg/controller/controller_utils.go (ComputeHash),
 * staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go
 */
import type { Random } from '../core/random';

/** utilrand's alphabet: no vowels (no accidental words) and no 0/1/3 (confusable). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const RANDOM_LENGTH = 5;
const MAX_GENERATED_BASE = 63 - RANDOM_LENGTH;

/** `web-7c5ddbdf54-` → `web-7c5ddbdf54-x8kzq`; the base is cut to 58 characters first. */
export function generateName(base: string, rng: Random): string {
  const trimmed = base.length > MAX_GENERATED_BASE ? base.slice(0, MAX_GENERATED_BASE) : base;
  return trimmed + rng.string(RANDOM_LENGTH, SAFE_ALPHABET);
}

/** A random (version 4, RFC 4122 variant) UUID in lowercase 8-4-4-4-12 form. */
export function newUid(rng: Random): string {
  const hex = rng.string(32, '0123456789abcdef').split('');
  hex[12] = '4';
  hex[16] = '89ab'[rng.int(4)];
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** utilrand.SafeEncodeString: each character mapped to SAFE_ALPHABET[code % 27]. */
export function safeEncode(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHABET[ch.codePointAt(0)! % SAFE_ALPHABET.length];
  return out;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function fnv32a(bytes: Uint8Array, hash = 0x811c9dc5): number {
  let h = hash;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The `pod-template-hash` / `controller-revision-hash` of a pod template: FNV-32a over a stable
 * JSON of the template (plus the collision count as 8 little-endian bytes), decimal, safe-encoded.
 * upstream hashes a spew dump of the Go struct; the alphabet and length (9–10 of 456789bcdf) match.
 */
export function podTemplateHash(template: object, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(stableJson(template)));
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(bytes, h);
  }
  return safeEncode(String(h));
}

// ---- DNS name rules (IsDNS1123Label, IsDNS1123Subdomain, IsDNS1035Label) ----

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1035_LABEL_RE = new RegExp(`^${DNS1035_LABEL_FMT}$`);

/** `must be no more than 63 characters` */
export const maxLenError = (n: number): string => `must be no more than ${n} characters`;

/**
 * upstream RegexError: `msg (e.g. 'a',  or 'b', regex used for validation is 'fmt')` — the examples
 * are joined with " or " after a trailing ", ", hence the two spaces.
 */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

/** Go's len(): the UTF-8 byte length. */
export const byteLength = (s: string): number => new TextEncoder().encode(s).length;

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!DNS1123_LABEL_RE.test(value)) {
    errs.push(DNS1123_SUBDOMAIN_RE.test(value)
      ? 'must not contain dots'
      : regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
      DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errs;
}

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!DNS1035_LABEL_RE.test(value)) {
    errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
      DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  }
  return errs;
}

/** A name rule as ValidateNameFunc: `prefix` = this is a generateName, so a trailing '-' is fine. */
export type NameRule = (name: string, prefix: boolean) => string[];

/** upstream maskTrailingDash — it really drops two characters (`name[:len(name)-2] + "a"`). */
const maskTrailingDash = (name: string): string => (name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name);

export const nameIsDNSSubdomain: NameRule = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
export const nameIsDNSLabel: NameRule = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
export const nameIsDNS1035Label: NameRule = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);
