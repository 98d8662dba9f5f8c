/**
 * kubectl apply's three-way merge, for JSON objects: a field in the new manifest wins; a field the
 * previous manifest had and the new one drops is removed; a field only the live object has (set by
 * a controller, a default, an admission plugin or another client) is kept. Lists are replaced
 * whole, except the lists strategic merge patch merges by a key (containers, env, volumes,
 * volumeMounts, ports…): their items merge one by one, an item the previous manifest had and the
 * new one drops is removed, and an item only the live object has (e.g. the service-account token
 * volume and mount the API server adds to every Pod) is kept after the manifest's items.
 */
type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** upstream: the `patchMergeKey` tags of k8s.io/api, for the list fields whose key is not `name`. */
const FIELD_MERGE_KEYS: Record<string, readonly string[]> = {
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  ports: ['containerPort', 'port'], // a container's ports by containerPort, a Service's by port
  hostAliases: ['ip'],
  conditions: ['type'],
};
const DEFAULT_MERGE_KEYS = ['name'];

function mergeKeyOf(field: string | undefined, items: Json[]): string | undefined {
  if (!items.length || !items.every(isObject)) return undefined;
  const candidates = (field && FIELD_MERGE_KEYS[field]) || DEFAULT_MERGE_KEYS;
  return candidates.find((k) => items.every((i) => (i as JsonObject)[k] !== undefined));
}

export function threeWayMerge(previous: Json, desired: Json, live: Json, field?: string): Json {
  if (isObject(desired) && isObject(live)) {
    const prev = isObject(previous) ? previous : {};
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(live)) {
      if (k in desired) continue;
      if (k in prev) continue; // the user removed it from the manifest
      out[k] = v;
    }
    for (const [k, v] of Object.entries(desired)) out[k] = threeWayMerge(prev[k], v, live[k], k);
    return out;
  }
  if (Array.isArray(desired) && Array.isArray(live)) {
    const key = mergeKeyOf(field, desired);
    if (!key || (live.length && mergeKeyOf(field, live) !== key)) return desired;
    const prevItems = Array.isArray(previous) ? previous.filter(isObject) : [];
    const idOf = (item: Json) => (item as JsonObject)[key];
    const wanted = new Set(desired.map(idOf));
    const dropped = new Set(prevItems.map(idOf).filter((id) => !wanted.has(id)));
    const merged = desired.map((item) => {
      const liveItem = live.find((l) => idOf(l) === idOf(item));
      const prevItem = prevItems.find((p) => idOf(p) === idOf(item));
      return liveItem === undefined ? item : threeWayMerge(prevItem, item, liveItem);
    });
    const kept = live.filter((l) => !wanted.has(idOf(l)) && !dropped.has(idOf(l)));
    return [...merged, ...kept];
  }
  return desired;
}
