// `npm run schema`: regenerates src/schema/generated/ from the installed kubernetes-types.
//  - kubernetes.schema.json: the editor's JSON schema (completion, hover, unknown-field markers);
//  - structure.json: field names and types per object type, for the engine's strict decoder.
// Output is committed; rerun after upgrading kubernetes-types or editing scripts/schema/goTypes.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { collectDefinitions, findKinds } from './schema/collect.mjs';
import { buildJsonSchema } from './schema/jsonSchema.mjs';
import { patchDefinitions } from './schema/patches.mjs';
import { buildStructure } from './schema/structure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'src', 'schema', 'generated');
const typesRoot = dirname(createRequire(import.meta.url).resolve('kubernetes-types/package.json'));

function write(name, value) {
  const text = JSON.stringify(value) + '\n';
  writeFileSync(join(outDir, name), text);
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  process.stdout.write(`${name}: ${kb(Buffer.byteLength(text))} (gzip ${kb(gzipSync(text).length)})\n`);
}

const started = performance.now();
process.stdout.write(`reading ${typesRoot}\n`);
const definitions = patchDefinitions(collectDefinitions(typesRoot));
const kinds = findKinds(definitions);
mkdirSync(outDir, { recursive: true });
write('kubernetes.schema.json', buildJsonSchema(definitions, kinds));
write('structure.json', buildStructure(definitions, kinds));
process.stdout.write(`${kinds.length} kinds, ${Object.keys(definitions).length} types, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
