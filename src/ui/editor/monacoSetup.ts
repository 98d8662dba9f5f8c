// The slim Monaco: the editor core, its features and YAML only (the full package adds a 6.8 MB TS worker).
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from './yaml.worker?worker';

export { monaco };

export const MODEL_URI = 'inmemory://kube-playground/manifest.yaml';
const SCHEMA_URI = 'inmemory://kube-playground/kubernetes.schema.json';

function getWorker(_moduleId: string, label: string): Worker {
  return label === 'yaml' ? new YamlWorker() : new EditorWorker();
}

interface LegacyWorkerOptions {
  worker?: Worker | Promise<Worker>;
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

/**
 * monaco-yaml 5.5 creates its worker through the pre-0.57 `createWebWorker({ moduleId, label,
 * createData })`; monaco-editor 0.57 wants `{ worker }` and otherwise never starts one, so no
 * validation, completion or hover ever happens. This copy of `monaco` creates the worker and
 * sends the handshake ('ignore', then createData) the way Monaco's own language workers do.
 */
function withLegacyWorkerSupport(m: typeof monaco): typeof monaco {
  const createWebWorker = (opts: LegacyWorkerOptions) => {
    if (opts.worker) return m.editor.createWebWorker(opts as Parameters<typeof m.editor.createWebWorker>[0]);
    const worker = getWorker('workerMain.js', opts.label ?? 'editorWorkerService');
    worker.postMessage('ignore');
    worker.postMessage(opts.createData);
    return m.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  };
  return { ...m, editor: { ...m.editor, createWebWorker } } as typeof monaco;
}

let configured: Promise<void> | undefined;

/** Sets up the workers and monaco-yaml once; the Kubernetes schema loads after the editor shows. */
export function setUpMonaco(): Promise<void> {
  if (configured) return configured;
  self.MonacoEnvironment = { getWorker };
  const monacoYaml = configureMonacoYaml(withLegacyWorkerSupport(monaco) as unknown as Parameters<typeof configureMonacoYaml>[0], {
    enableSchemaRequest: false, // nothing loads from the network
    isKubernetes: true,
    hover: true,
    completion: true,
    validate: true,
    schemas: [],
  });
  configured = import('../../schema/generated/kubernetes.schema.json')
    .then((mod) =>
      monacoYaml.update({
        schemas: [{ uri: SCHEMA_URI, fileMatch: ['*'], schema: mod.default as object }],
      }),
    )
    .then(
      () => undefined,
      (err: unknown) => console.error('Kube Playground: the Kubernetes schema did not load', err),
    );
  return configured;
}
