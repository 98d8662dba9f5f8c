import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine';
import { CORPUS_DIR, HAS_CORPUS } from '../corpus';

/** Real manifests from the Kubernetes docs and examples, kept beside the project (not copied into it). */
const CORPUS = CORPUS_DIR;
const REMOVED = new Set(['batch/v1beta1', 'policy/v1beta1', 'extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']);

interface Entry { path: string; kinds: string[] }

function documentsOf(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const doc of parseAllDocuments(text, { version: '1.1' })) {
    const value = doc.toJS() as Record<string, unknown> | null;
    if (!value) continue;
    if (value.kind === 'List') out.push(...(value.items as Record<string, unknown>[]));
    else out.push(value);
  }
  return out;
}

describe.skipIf(!HAS_CORPUS)('the manifests of the Kubernetes docs and examples', () => {
  const entries: Entry[] = HAS_CORPUS ? JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8')) : [];

  it.each(entries.map((e) => [e.path]))('%s', (path) => {
    const text = readFileSync(join(CORPUS, path), 'utf8');
    const docs = documentsOf(text);
    const cluster = createCluster();
    // a learner creates the namespaces an example expects before applying it
    const namespaces = new Set(docs.map((d) => (d.metadata as { namespace?: string } | undefined)?.namespace)
      .filter((ns): ns is string => !!ns && !docs.some((d) => d.kind === 'Namespace' && (d.metadata as { name: string }).name === ns)));
    for (const ns of namespaces) {
      if (!cluster.get('Namespace', ns)) expect(cluster.apply(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`).ok).toBe(true);
    }
    // an example that redefines something a fresh cluster ships (the `standard` StorageClass) replaces it
    for (const d of docs) {
      const meta = d.metadata as { name?: string; namespace?: string } | undefined;
      if (meta?.name && cluster.get(String(d.kind), meta.name, meta.namespace)) {
        cluster.delete(String(d.kind), meta.name, meta.namespace);
        cluster.advance(60_000);
      }
    }
    const result = cluster.apply(text);
    const removed = docs.find((d) => REMOVED.has(String(d.apiVersion)));
    if (removed) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors.map((e) => e.message).join('\n'))
          .toContain(`no matches for kind "${removed.kind}" in version "${removed.apiVersion}"`);
      }
      return;
    }
    if (!result.ok) throw new Error(result.errors.map((e) => `line ${e.line}: ${e.message}`).join('\n'));
    for (const d of docs) {
      const meta = d.metadata as { name: string; namespace?: string };
      expect(cluster.get(String(d.kind), meta.name, meta.namespace), `${d.kind}/${meta.name}`).toBeDefined();
    }
  });
});
