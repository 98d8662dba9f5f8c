// Runs ts-json-schema-generator over every kubernetes-types module and returns one table of
// definitions keyed by module-qualified name ("core/v1.PodSpec"), with every $ref rewritten to
// those names. Each module is generated on its own (the same short names exist in several
// modules), and only the types a module declares are taken from its run.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';

/** Every .d.ts module of the package, as "core/v1", "runtime", "api/resource", … */
export function listModules(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.d.ts') && name !== 'version.d.ts') out.push(relative(root, path).replace(/\.d\.ts$/, ''));
    }
  };
  walk(root);
  return out;
}

function declaredNames(source) {
  return [...source.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
}

/** name → module for every name a module imports, e.g. ObjectMeta → meta/v1. */
function importedNames(source, module) {
  const out = new Map();
  for (const m of source.matchAll(/^import \{([^}]*)\} from "([^"]+)";/gm)) {
    const from = join(dirname(module), m[2]).replace(/\\/g, '/');
    for (const name of m[1].split(',').map((s) => s.trim()).filter(Boolean)) out.set(name, from);
  }
  return out;
}

function rewriteRefs(node, resolveRef) {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, resolveRef));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' ? `#/definitions/${resolveRef(value.replace('#/definitions/', ''))}` : rewriteRefs(value, resolveRef);
  }
  return out;
}

export function collectDefinitions(root) {
  const definitions = {};
  for (const module of listModules(root)) {
    const path = join(root, `${module}.d.ts`);
    const source = readFileSync(path, 'utf8');
    const declared = new Set(declaredNames(source));
    const imported = importedNames(source, module);
    const generator = createGenerator({
      path, type: '*', skipTypeCheck: true, expose: 'export', jsDoc: 'extended',
      topRef: false, additionalProperties: false, sortProps: true,
    });
    const schema = generator.createSchema('*');
    const resolveRef = (name) => {
      const decoded = decodeURIComponent(name);
      if (declared.has(decoded)) return `${module}.${decoded}`;
      if (imported.has(decoded)) return `${imported.get(decoded)}.${decoded}`;
      throw new Error(`${module}: cannot resolve reference to ${decoded}`);
    };
    for (const name of declared) {
      const def = schema.definitions?.[name] ?? (name.endsWith('List') ? undefined : alone(generator, name));
      // The generator leaves out the *List collection types; nothing refers to them.
      if (!def && name.endsWith('List')) continue;
      if (!def) throw new Error(`${module}: no definition generated for ${name}`);
      definitions[`${module}.${name}`] = rewriteRefs(def, resolveRef);
    }
    process.stdout.write(`  ${module}: ${declared.size} types\n`);
  }
  return definitions;
}

/** A type the '*' run left out (a module holding only an alias), generated on its own. */
function alone(generator, name) {
  const { $schema: _schema, definitions: _definitions, ...root } = generator.createSchema(name);
  return root.$ref ? _definitions?.[name] : root;
}

/** Kinds: object types whose apiVersion and kind are string constants (List types excluded). */
export function findKinds(definitions) {
  const kinds = [];
  for (const [name, def] of Object.entries(definitions)) {
    const apiVersion = def.properties?.apiVersion?.const;
    const kind = def.properties?.kind?.const;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') continue;
    if (kind.endsWith('List') || name.startsWith('meta/')) continue;
    kinds.push({ apiVersion, kind, type: name });
  }
  return kinds.sort((a, b) => a.kind.localeCompare(b.kind) || a.apiVersion.localeCompare(b.apiVersion));
}
