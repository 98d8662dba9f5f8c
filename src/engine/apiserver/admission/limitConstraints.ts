/**
 * The LimitRanger's checks of one resource against one LimitRange bound, with upstream's messages
 * (note the two spaces before "No request is specified").
 * upstream: plugin/pkg/admission/limitranger/admission.go (minConstraint, maxConstraint,
 * maxRequestConstraint, limitRequestRatioConstraint, requestLimitEnforcedValues)
 */
import { format, milliValue, type Quantity, type ResourceList } from './quantities';

const MAX_MILLI_VALUE = 9223372036854775n; // math.MaxInt64 / 1000

/** upstream compares milli-values when none of them overflows, else whole values. */
function values(req: Quantity | undefined, lim: Quantity | undefined, enforced: Quantity): [bigint, bigint, bigint] {
  const milli = [req, lim, enforced].map((q) => (q ? milliValue(q) : 0n));
  if (milli.every((m) => m / 1000n <= MAX_MILLI_VALUE)) return [milli[0], milli[1], milli[2]];
  return [milli[0] / 1000n, milli[1] / 1000n, milli[2] / 1000n];
}

export function minConstraint(type: string, resource: string, enforced: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const req = requests[resource];
  const lim = limits[resource];
  const [r, l, e] = values(req, lim, enforced);
  if (!req) return `minimum ${resource} usage per ${type} is ${format(enforced)}.  No request is specified`;
  if (r < e) return `minimum ${resource} usage per ${type} is ${format(enforced)}, but request is ${format(req)}`;
  if (lim && l < e) return `minimum ${resource} usage per ${type} is ${format(enforced)}, but limit is ${format(lim)}`;
  return undefined;
}

export function maxConstraint(type: string, resource: string, enforced: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const req = requests[resource];
  const lim = limits[resource];
  const [r, l, e] = values(req, lim, enforced);
  if (!lim) return `maximum ${resource} usage per ${type} is ${format(enforced)}.  No limit is specified`;
  if (l > e) return `maximum ${resource} usage per ${type} is ${format(enforced)}, but limit is ${format(lim)}`;
  if (req && r > e) return `maximum ${resource} usage per ${type} is ${format(enforced)}, but request is ${format(req)}`;
  return undefined;
}

/** For kinds whose limits are not user input (PersistentVolumeClaim): the max bounds the request. */
export function maxRequestConstraint(type: string, resource: string, enforced: Quantity, requests: ResourceList): string | undefined {
  const req = requests[resource];
  const [r, , e] = values(req, undefined, enforced);
  if (!req) return `maximum ${resource} usage per ${type} is ${format(enforced)}.  No request is specified`;
  if (r > e) return `maximum ${resource} usage per ${type} is ${format(enforced)}, but request is ${format(req)}`;
  return undefined;
}

/** Go's %f: six decimals. */
const goFloat = (n: number) => n.toFixed(6);

export function limitRequestRatioConstraint(type: string, resource: string, enforced: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const req = requests[resource];
  const lim = limits[resource];
  const [r, l] = values(req, lim, enforced);
  const head = `${resource} max limit to request ratio per ${type} is ${format(enforced)}`;
  if (!req || r === 0n) return `${head}, but no request is specified or request is 0`;
  if (!lim || l === 0n) return `${head}, but no limit is specified or limit is 0`;
  const observed = Number(l) / Number(r);
  // upstream: compared in milli units when the enforced value allows it
  if (observed * 1000 > Number(milliValue(enforced))) return `${head}, but provided ratio is ${goFloat(observed)}`;
  return undefined;
}
