// The JSON schema monaco-yaml validates the editor against: one schema for any Kubernetes
// document, dispatching on apiVersion + kind to the kind's definition.
import { reachableTypes, refName } from './structure.mjs';

const PREFIX = {
  'meta/v1': 'io.k8s.apimachinery.pkg.apis.meta.v1',
  'api/resource': 'io.k8s.apimachinery.pkg.api.resource',
  runtime: 'io.k8s.apimachinery.pkg.runtime',
  'apiextensions/v1': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1',
};

/** "core/v1.PodSpec" → "io.k8s.api.core.v1.PodSpec", the OpenAPI definition name. */
export function openApiName(name) {
  const dot = name.lastIndexOf('.');
  const module = name.slice(0, dot);
  return `${PREFIX[module] ?? `io.k8s.api.${module.replace(/\//g, '.')}`}.${name.slice(dot + 1)}`;
}

const ANY_TYPES = new Set(['runtime.RawExtension', 'apiextensions/v1.JSON', 'meta/v1.FieldsV1']);

function adjust(name, def) {
  const description = def.description;
  if (name === 'api/resource.Quantity') return { type: ['string', 'number'], description };
  if (ANY_TYPES.has(name)) return { description };
  return def;
}

function renameRefs(node) {
  if (Array.isArray(node)) return node.map(renameRefs);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' ? `#/definitions/${openApiName(refName(value))}` : renameRefs(value);
  }
  return out;
}

function firstSentence(text = '') {
  const match = /^(.*?\.)(\s|$)/s.exec(text);
  return (match ? match[1] : text).trim();
}

export function buildJsonSchema(definitions, kinds) {
  const out = {};
  const roots = [...kinds.map((k) => k.type), 'meta/v1.ListMeta'];
  for (const name of reachableTypes(definitions, roots, { withSpecial: true })) {
    out[openApiName(name)] = renameRefs(adjust(name, definitions[name]));
  }
  const sample = definitions[kinds[0].type].properties;
  const listName = 'io.k8s.kube-playground.List';
  out[listName] = {
    type: 'object',
    description: 'List holds several objects; kubectl applies each of its items.',
    properties: {
      apiVersion: { type: 'string', const: 'v1', description: sample.apiVersion.description },
      kind: { type: 'string', const: 'List', description: sample.kind.description },
      metadata: { $ref: `#/definitions/${openApiName('meta/v1.ListMeta')}` },
      items: { type: 'array', description: 'The objects of the list.', items: { $ref: '#' } },
    },
    required: ['items'],
    additionalProperties: false,
  };
  const all = [...kinds, { apiVersion: 'v1', kind: 'List', type: null }];
  const kindNames = [...new Set(all.map((k) => k.kind))].sort();
  const kindDescription = (kind) => firstSentence(all.find((k) => k.kind === kind && k.type)
    ? definitions[all.find((k) => k.kind === kind && k.type).type].description
    : out[listName].description);
  return {
    title: 'Kubernetes manifest',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(all.map((k) => k.apiVersion))].sort(), description: sample.apiVersion.description },
      kind: { type: 'string', enum: kindNames, enumDescriptions: kindNames.map(kindDescription), description: sample.kind.description },
    },
    allOf: all.map(({ apiVersion, kind, type }) => ({
      if: { properties: { apiVersion: { const: apiVersion }, kind: { const: kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: `#/definitions/${type ? openApiName(type) : listName}` },
    })),
    definitions: out,
  };
}
