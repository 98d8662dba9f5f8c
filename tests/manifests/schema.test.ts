import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Read at run time rather than imported, so the type checker never infers the 800 KiB schema.
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../src/schema/generated/${name}`, import.meta.url), 'utf8'));

interface EditorSchema {
  properties: { kind: { enum: string[]; enumDescriptions: string[] }; apiVersion: { enum: string[] } };
  allOf: unknown;
  definitions: unknown;
}
interface Structure {
  kinds: Record<string, Record<string, string>>;
  types: Record<string, { go: string; fields: Record<string, unknown> }>;
}
const schema = read('kubernetes.schema.json') as EditorSchema;
const structure = read('structure.json') as Structure;

interface Definition { type?: unknown; properties?: Record<string, { $ref?: string; type?: unknown; const?: string }>; additionalProperties?: unknown }
const definitions = schema.definitions as unknown as Record<string, Definition>;
const dispatch = schema.allOf as unknown as { if: { properties: { apiVersion: { const: string }; kind: { const: string } } }; then: { $ref: string } }[];

function thenFor(apiVersion: string, kind: string): string | undefined {
  return dispatch.find((d) => d.if.properties.apiVersion.const === apiVersion && d.if.properties.kind.const === kind)?.then.$ref;
}

describe('generated editor schema', () => {
  it('dispatches on apiVersion and kind to the kind definition', () => {
    expect(thenFor('v1', 'Pod')).toBe('#/definitions/io.k8s.api.core.v1.Pod');
    expect(thenFor('apps/v1', 'Deployment')).toBe('#/definitions/io.k8s.api.apps.v1.Deployment');
    expect(thenFor('v1', 'List')).toBe('#/definitions/io.k8s.kube-playground.List');
    expect(thenFor('extensions/v1beta1', 'Deployment')).toBeUndefined();
  });

  it('offers kinds and apiVersions with descriptions', () => {
    const { kind, apiVersion } = schema.properties;
    expect(kind.enum).toEqual(expect.arrayContaining(['Pod', 'Deployment', 'Service', 'List']));
    expect(kind.enumDescriptions[kind.enum.indexOf('Pod')]).toMatch(/^Pod is a collection of containers/);
    expect(apiVersion.enum).toEqual(expect.arrayContaining(['v1', 'apps/v1', 'batch/v1']));
  });

  it('closes object types, keeps JSDoc, and types IntOrString and Quantity as string|number', () => {
    const container = definitions['io.k8s.api.core.v1.Container'];
    expect(container.additionalProperties).toBe(false);
    expect((container.properties?.image as { description?: string }).description).toMatch(/Container image name/);
    expect(definitions['io.k8s.api.apps.v1.RollingUpdateDeployment'].properties?.maxSurge.type).toEqual(['number', 'string']);
    expect(definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'].type).toEqual(['string', 'number']);
  });

  it('resolves every reference', () => {
    const refs = JSON.stringify(schema).match(/"\$ref":"#\/definitions\/[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) expect(definitions[ref.slice(22, -1)], ref).toBeDefined();
  });
});

describe('generated decoder structure', () => {
  const types = structure.types;
  it('maps every kind to a known root type', () => {
    for (const kinds of Object.values(structure.kinds)) {
      for (const type of Object.values(kinds)) expect(types[type], type).toBeDefined();
    }
    expect(structure.kinds['apps/v1'].Deployment).toBe('apps/v1.Deployment');
  });

  it('carries Go names and field types', () => {
    expect(types['core/v1.Container'].go).toBe('v1.Container');
    expect(types['core/v1.Container'].fields.imagePullPolicy).toEqual(['s', 'v1.PullPolicy']);
    expect(types['core/v1.PodSpec'].fields.containers).toBe('[]@core/v1.Container');
    expect(types['core/v1.ResourceRequirements'].fields.limits).toBe('{}q');
    expect(types['core/v1.Secret'].fields.data).toEqual(['{}bytes', 'map[string][]uint8']);
  });
});
