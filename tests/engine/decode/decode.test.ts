import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAS_CORPUS } from '../../corpus';
import { decodeErrors, decodeProblem, typeErrorPath, unknownFieldPaths } from '../../../src/engine/apiserver/decode';
import { parseManifests } from '../../../src/manifests/parse';

/** The first object of a manifest, read the way kubectl reads it. */
function object(yaml: string): Record<string, unknown> {
  const result = parseManifests(yaml);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.documents[0].object;
}

const pod = (spec: string, extra = ''): Record<string, unknown> =>
  object(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${extra}spec:\n${spec}`);
const deployment = (spec: string): Record<string, unknown> =>
  object(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}`);

const POD = 'Pod in version "v1" cannot be handled as a Pod: ';
const DEPLOYMENT = 'Deployment in version "v1" cannot be handled as a Deployment: ';

describe('decodeErrors: unknown fields', () => {
  it('names the field by its JSON path with indices', () => {
    const obj = deployment('  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        imagePullPolice: Always\n');
    expect(decodeErrors(obj)).toBe(`${DEPLOYMENT}strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolice"`);
  });

  it('lists all of them in the order the JSON kubectl sends has them (keys sorted)', () => {
    const obj = pod('  zeta: 1\n  containers:\n  - name: a\n    image: b\n    Image: c\n', '  zone: x\n');
    expect(decodeErrors(obj)).toBe(`${POD}strict decoding error: unknown field "metadata.zone", ` +
      'unknown field "spec.containers[0].Image", unknown field "spec.zeta"');
  });

  it('checks the top level too, and metadata against ObjectMeta', () => {
    const obj = object('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  label: {a: b}\nspec: {}\n');
    expect(decodeErrors(obj)).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: ' +
      'unknown field "metadata.label", unknown field "spec"');
  });

  it('puts map keys into the path', () => {
    const obj = object(`apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: crontabs.example.com}
spec:
  group: example.com
  names: {kind: CronTab, plural: crontabs}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec: {type: object, bogus: true}
`);
    expect(unknownFieldPaths(decodeErrors(obj) ?? '')).toEqual(['spec.versions[0].schema.openAPIV3Schema.properties.spec.bogus']);
  });

  it('does not look into status', () => {
    expect(decodeErrors({ ...pod('  containers: []\n'), status: { bogus: 1, phase: 5 } })).toBeUndefined();
  });
});

describe('decodeErrors: JSON type mismatches, as encoding/json words them', () => {
  it.each([
    ['a map where a list belongs', pod('  containers:\n    name: a\n'),
      `${POD}json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container`],
    ['a string spec', object('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: x\n'),
      `${POD}json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec`],
    ['a quoted replica count', deployment('  replicas: "3"\n'),
      `${DEPLOYMENT}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`],
    ['a fractional replica count', deployment('  replicas: 1.5\n'),
      `${DEPLOYMENT}json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32`],
    ['an int32 overflow', deployment('  replicas: 3000000000\n'),
      `${DEPLOYMENT}json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32`],
    ['a quoted port, no indices in the path', pod('  containers:\n  - name: a\n    ports:\n    - containerPort: "80"\n'),
      `${POD}json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32`],
    ['a number as an env value', pod('  containers:\n  - name: a\n    env:\n    - name: PORT\n      value: 8080\n'),
      `${POD}json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string`],
    ['a YAML 1.1 boolean as an env value', pod('  containers:\n  - name: a\n    env:\n    - name: DEBUG\n      value: yes\n'),
      `${POD}json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string`],
    ['a number as a label value (map keys stay out of the path)', pod('  containers: []\n', '  labels:\n    tier: 1\n'),
      `${POD}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string`],
    ['a command given as a string', pod('  containers:\n  - name: a\n    command: sleep 10\n'),
      `${POD}json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string`],
    ['an int64 field', pod('  terminationGracePeriodSeconds: "30"\n'),
      `${POD}json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64`],
    ['a named string type', pod('  containers:\n  - name: a\n    imagePullPolicy: 1\n'),
      `${POD}json: cannot unmarshal number into Go struct field Container.spec.containers.imagePullPolicy of type v1.PullPolicy`],
    ['a list where a map belongs', pod('  nodeSelector: [ssd]\n'),
      `${POD}json: cannot unmarshal array into Go struct field PodSpec.spec.nodeSelector of type map[string]string`],
    ['a string where resource limits belong', pod('  containers:\n  - name: a\n    resources:\n      limits: 1\n'),
      `${POD}json: cannot unmarshal number into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList`],
    ['a string where a list of named strings belongs', object('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec:\n  accessModes: ReadWriteOnce\n'),
      'PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: json: cannot unmarshal string into Go struct field PersistentVolumeClaimSpec.spec.accessModes of type []v1.PersistentVolumeAccessMode'],
    ['a string where a boolean belongs', object('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nimmutable: "true"\n'),
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal string into Go struct field ConfigMap.immutable of type bool'],
    ['a number in Secret data', object('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  n: 1\n'),
      'Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8'],
    ['a boolean IntOrString (its own decoder, int32)', deployment('  strategy:\n    rollingUpdate:\n      maxSurge: true\n'),
      `${DEPLOYMENT}json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32`],
    ['a fractional IntOrString', object('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - port: 80\n    targetPort: 80.5\n'),
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.targetPort of type int32'],
    ['a number as a timestamp', pod('  containers: []\n', '  creationTimestamp: 5\n'),
      `${POD}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string`],
  ])('%s', (_name, obj, message) => {
    expect(decodeErrors(obj)).toBe(message);
  });
});

describe('decodeErrors: values a type decodes itself', () => {
  it.each([
    ['cpu: 1 core', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['memory: 1ki', "unable to parse quantity's suffix"],
    ['memory: ""', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['cpu: true', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ])('a malformed quantity (%s)', (limit, detail) => {
    expect(decodeErrors(pod(`  containers:\n  - name: a\n    resources:\n      limits:\n        ${limit}\n`))).toBe(POD + detail);
  });

  it.each(['cpu: 250m', 'cpu: 0.5', 'memory: 128Mi', 'memory: 1e9', 'cpu: "1"', 'cpu: 2'])('accepts %s', (limit) => {
    expect(decodeErrors(pod(`  containers:\n  - name: a\n    resources:\n      limits:\n        ${limit}\n`))).toBeUndefined();
  });

  it('reports Secret data that is not base64', () => {
    const obj = object('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  ok: aGVsbG8=\n  password: aGVsbG8\n');
    expect(decodeErrors(obj)).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4');
  });

  it('reports a malformed timestamp as time.Parse does', () => {
    expect(decodeErrors(pod('  containers: []\n', '  creationTimestamp: yesterday\n')))
      .toBe(`${POD}parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`);
  });
});

describe('decodeErrors: which problem is reported', () => {
  it('reports a type decoder failure even after an earlier mismatch (decoding stops there)', () => {
    const obj = deployment('  replicas: "3"\n  strategy:\n    rollingUpdate:\n      maxSurge: true\n');
    expect(decodeErrors(obj)).toContain('RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge');
  });

  it('reports the first mismatch in sorted key order', () => {
    const obj = pod('  containers:\n  - name: a\n    ports:\n    - containerPort: "80"\n', '  labels: {a: 1}\n');
    expect(decodeErrors(obj)).toBe(`${POD}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string`);
  });

  it('reports mismatches before unknown fields', () => {
    const obj = deployment('  bogus: 1\n  replicas: "3"\n');
    expect(decodeErrors(obj)).toBe(`${DEPLOYMENT}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`);
  });

  it('accepts nulls anywhere', () => {
    expect(decodeErrors(deployment('  replicas: null\n  template:\n    metadata:\n      creationTimestamp: null\n'))).toBeUndefined();
  });

  it('leaves kinds the API does not serve to the REST mapping', () => {
    expect(decodeErrors(object('apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\nbogus: 1\n'))).toBeUndefined();
    expect(decodeErrors(object('apiVersion: v1\nkind: Widget\nbogus: 1\n'))).toBeUndefined();
  });
});

describe('decodeProblem: where the problem is', () => {
  it.each([
    ['a type mismatch', pod('  containers:\n  - name: a\n  - name: b\n    ports:\n    - containerPort: "80"\n'), 'spec.containers[1].ports[0].containerPort'],
    ['a malformed quantity', pod('  containers:\n  - name: a\n    resources: {requests: {cpu: x}}\n'), 'spec.containers[0].resources.requests.cpu'],
    ['unknown fields (the first)', pod('  b: 1\n  a: 1\n'), 'spec.a'],
    ['bad base64', object('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {k: "!"}\n'), 'data.k'],
  ])('%s', (_name, obj, path) => {
    expect(decodeProblem(obj)?.path).toBe(path);
  });
});

describe('decode message helpers', () => {
  it('extracts unknown field paths and the path of a type mismatch', () => {
    expect(unknownFieldPaths(`${POD}strict decoding error: unknown field "spec.a", unknown field "spec.b[0].c"`)).toEqual(['spec.a', 'spec.b[0].c']);
    expect(typeErrorPath(`${POD}json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container`)).toBe('spec.containers');
    expect(typeErrorPath(`${POD}illegal base64 data at input byte 0`)).toBeUndefined();
  });
});

const CORPUS = CORPUS_DIR;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe.skipIf(!HAS_CORPUS)('decodeErrors: the manifest corpus', () => {
  const files = existsSync(CORPUS) ? yamlFiles(CORPUS) : [];
  it.each(files.map((f) => [f.slice(CORPUS.length + 1)]))('%s decodes strictly', (relative) => {
    const result = parseManifests(readFileSync(join(CORPUS, relative), 'utf8'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    for (const doc of result.documents) expect(decodeErrors(doc.object)).toBeUndefined();
  });
});
