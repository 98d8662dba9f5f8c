import structure from '../../schema/generated/structure.json';

/**
 * The API types as the strict decoder sees them, read from the generated structure.json
 * (scripts/schema/structure.mjs documents the encoding). A field type is a short string:
 * `s` `i` `n` `b` scalars, `q` Quantity, `io` IntOrString, `t`/`mt` metav1.Time/MicroTime,
 * `bytes` []byte, `any`, `@<type>` an object type, `[]<elem>` a slice, `{}<elem>` a map.
 */
export type FieldSpec = string | [type: string, go: string];

export interface TypeSpec {
  /** Go type as reflect prints it, e.g. `v1.PodSpec`. */
  go: string;
  fields: Record<string, FieldSpec>;
}

interface Structure {
  kinds: Record<string, Record<string, string>>;
  types: Record<string, TypeSpec>;
}

const data = structure as unknown as Structure;

/** The root type of a kind in an API version (`apps/v1`, `Deployment`), if the API serves it. */
export function kindType(apiVersion: string, kind: string): string | undefined {
  return data.kinds[apiVersion]?.[kind];
}

export function typeSpec(name: string): TypeSpec | undefined {
  return data.types[name];
}

/** The bare Go struct name encoding/json names in messages: `PodSpec`. */
export function structName(typeName: string): string {
  return typeName.slice(typeName.lastIndexOf('.') + 1);
}

export function fieldType(spec: FieldSpec): string {
  return typeof spec === 'string' ? spec : spec[0];
}

/** The Go type of a field as encoding/json prints it: `[]v1.Container`, `map[string]string`. */
export function goType(spec: FieldSpec): string {
  return typeof spec === 'string' ? defaultGoType(spec) : spec[1];
}

const SCALAR_GO: Record<string, string> = {
  s: 'string', i: 'int32', n: 'float64', b: 'bool', q: 'resource.Quantity', io: 'intstr.IntOrString',
  t: 'v1.Time', mt: 'v1.MicroTime', bytes: '[]uint8', any: 'interface {}',
};

export function defaultGoType(type: string): string {
  if (type.startsWith('@')) return data.types[type.slice(1)]?.go ?? structName(type.slice(1));
  if (type.startsWith('[]')) return `[]${defaultGoType(type.slice(2))}`;
  // upstream: every map of quantities in the API is a named v1.ResourceList.
  if (type === '{}q') return 'v1.ResourceList';
  if (type.startsWith('{}')) return `map[string]${defaultGoType(type.slice(2))}`;
  return SCALAR_GO[type] ?? type;
}

/** The element of a slice or map type, keeping an explicit Go name (`[]v1.Capability` → `v1.Capability`). */
export function elementSpec(spec: FieldSpec): FieldSpec {
  const type = fieldType(spec).slice(2);
  if (typeof spec === 'string') return type;
  const go = spec[1];
  const elementGo = go.startsWith('[]') ? go.slice(2) : go.startsWith('map[') ? go.slice(go.indexOf(']') + 1) : undefined;
  return elementGo ? [type, elementGo] : type;
}
