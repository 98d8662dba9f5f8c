/**
 * kubectl apply's three-way merge, for JSON objects: a field in the new manifest wins; a field the
 * previous manifest had and the new one drops is removed; a field only the live object has (set by
 * a controller, a default, or another client) is kept. Lists are replaced whole, except lists of
 * named items (containers, ports, env, volumes…) which merge by name like strategic merge patch.
 */
type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const MERGE_KEYS = ['name', 'containerPort', 'mountPath', 'port', 'ip', 'devicePath', 'type'];

function mergeKeyOf(items: Json[]): string | undefined {
  if (!items.length || !items.every(isObject)) return undefined;
  return MERGE_KEYS.find((k) => items.every((i) => (i as JsonObject)[k] !== undefined));
}

export function threeWayMerge(previous: Json, desired: Json, live: Json): Json {
  if (isObject(desired) && isObject(live)) {
    const prev = isObject(previous) ? previous : {};
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(live)) {
      if (k in desired) continue;
      if (k in prev) continue; // the user removed it from the manifest
      out[k] = v;
    }
    for (const [k, v] of Object.entries(desired)) out[k] = threeWayMerge(prev[k], v, live[k]);
    return out;
  }
  if (Array.isArray(desired) && Array.isArray(live)) {
    const key = mergeKeyOf(desired);
    if (!key || !mergeKeyOf(live) || mergeKeyOf(live) !== key) return desired;
    const prevItems = Array.isArray(previous) ? previous.filter(isObject) : [];
    return desired.map((item) => {
      const id = (item as JsonObject)[key];
      const liveItem = live.find((l) => (l as JsonObject)[key] === id);
      const prevItem = prevItems.find((p) => p[key] === id);
      return liveItem === undefined ? item : threeWayMerge(prevItem, item, liveItem);
    });
  }
  return desired;
}
