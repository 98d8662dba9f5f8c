/**
 * The manifest corpus (real manifests from the Kubernetes docs and examples) lives beside the
 * project, in ../shared/corpus; it is not copied in. Tests that read it skip, visibly, where it is absent.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const CORPUS_DIR = resolve(__dirname, '../../shared/corpus');
export const HAS_CORPUS = existsSync(resolve(CORPUS_DIR, 'index.json'));
