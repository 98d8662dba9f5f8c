// The compact structural description the engine's strict decoder reads (src/schema/generated/
// structure.json). Field types are short strings:
//   s string · i integer · n number · b boolean · q Quantity · io IntOrString · t metav1.Time
//   mt metav1.MicroTime
//   bytes []byte (base64) · any anything · @<type> object · []<type> array · {}<type> map
// A field is either that string or [type, Go type] when the Go type is not the default one
// (string → string, i → int32, @x → <pkg>.<Name>, …); see src/engine/apiserver/decodeTypes.ts.
import { BYTES_FIELDS, GO_FIELD_TYPES } from './goTypes.mjs';

const SPECIAL_REFS = {
  'api/resource.Quantity': 'q',
  'meta/v1.Time': 't',
  'meta/v1.MicroTime': 'mt',
  'meta/v1.FieldsV1': 'any',
  'runtime.RawExtension': 'any',
  'apiextensions/v1.JSON': 'any',
  'apiextensions/v1.JSONSchemaPropsOrBool': 'any',
  'apiextensions/v1.JSONSchemaPropsOrArray': 'any',
  'apiextensions/v1.JSONSchemaPropsOrStringArray': 'any',
};

export function refName(ref) {
  return ref.replace('#/definitions/', '');
}

export function fieldType(schema) {
  if (schema.$ref) return SPECIAL_REFS[refName(schema.$ref)] ?? `@${refName(schema.$ref)}`;
  const type = schema.type;
  if (Array.isArray(type)) return type.includes('number') && type.includes('string') ? 'io' : 'any';
  if (type === 'string') return 's';
  if (type === 'number' || type === 'integer') return 'i';
  if (type === 'boolean') return 'b';
  if (type === 'array') return `[]${schema.items ? fieldType(schema.items) : 'any'}`;
  if (type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object') {
    return `{}${fieldType(schema.additionalProperties)}`;
  }
  return 'any';
}

/** Types reachable from the kinds' root types (for the decoder, without the special ones). */
export function reachableTypes(definitions, roots, { withSpecial = false } = {}) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || (SPECIAL_REFS[name] && !withSpecial) || !definitions[name]) return;
    seen.add(name);
    JSON.stringify(definitions[name], (key, value) => {
      if (key === '$ref' && typeof value === 'string') visit(refName(value));
      return value;
    });
  };
  roots.forEach(visit);
  return [...seen].sort();
}

function goName(typeName) {
  const [module, name] = [typeName.slice(0, typeName.lastIndexOf('.')), typeName.slice(typeName.lastIndexOf('.') + 1)];
  return `${module.split('/').pop()}.${name}`;
}

function describeField(typeName, field, schema) {
  const bytes = BYTES_FIELDS[typeName]?.[field];
  if (bytes === 'map') return ['{}bytes', 'map[string][]uint8'];
  if (bytes === 'value') return 'bytes';
  const type = fieldType(schema);
  const go = GO_FIELD_TYPES[typeName]?.[field];
  if (!go) return type;
  if (go === 'float64') return 'n';
  return [type, go];
}

export function buildStructure(definitions, kinds) {
  const types = {};
  for (const name of reachableTypes(definitions, kinds.map((k) => k.type))) {
    const def = definitions[name];
    if (def.type !== 'object' || typeof def.additionalProperties === 'object') continue;
    const fields = {};
    for (const [field, schema] of Object.entries(def.properties ?? {})) fields[field] = describeField(name, field, schema);
    types[name] = { go: goName(name), fields };
  }
  const byVersion = {};
  for (const { apiVersion, kind, type } of kinds) (byVersion[apiVersion] ??= {})[kind] = type;
  checkOverrides(types);
  return { kinds: byVersion, types };
}

/** An override naming a field that does not exist is a typo; fail the generation. */
function checkOverrides(types) {
  for (const table of [GO_FIELD_TYPES, BYTES_FIELDS]) {
    for (const [type, fields] of Object.entries(table)) {
      for (const field of Object.keys(fields)) {
        if (types[type] && !(field in types[type].fields)) throw new Error(`override for unknown field ${type}.${field}`);
      }
    }
  }
}
