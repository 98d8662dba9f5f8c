/**
 * The simulated resource usage a container shows to metrics-server. The model, stated once:
 * - CPU: 1m while idle, plus 10m for every request per second it answered over the window,
 *   plus 1000m for every thread a stress tool keeps spinning; never above the container's CPU
 *   limit (the CFS quota throttles it there).
 * - Memory: a steady resident size per image (below), or what a stress tool allocates; never
 *   above the memory limit (the kernel OOM-kills it first — the kubelet models that).
 */
import { lookupImage } from '../kubelet/images';
import { parseQuantity } from '../util/quantity';

export const IDLE_CPU_MILLI = 1;
export const CPU_MILLI_PER_REQUEST_PER_SECOND = 10;
export const CPU_MILLI_PER_HOG = 1000;

const Mi = 1024 * 1024;

/** Steady resident memory by image family or repository (first match wins), as `kubectl top` shows for an idle Pod. */
const RESIDENT: [RegExp, number][] = [
  [/ingress-nginx|nginx-ingress/, 90 * Mi],
  [/nginx|echoserver/, 3 * Mi],
  [/agnhost/, 9 * Mi],
  [/httpd/, 7 * Mi],
  [/redis/, 3 * Mi],
  [/postgres/, 28 * Mi],
  [/mysql|xtrabackup/, 370 * Mi],
  [/mariadb/, 85 * Mi],
  [/mongo/, 160 * Mi],
  [/memcached/, 2 * Mi],
  [/rabbitmq/, 110 * Mi],
  [/cassandra|elasticsearch/, 1100 * Mi],
  [/zookeeper/, 80 * Mi],
  [/php|wordpress|hpa-example|gb-frontend/, 11 * Mi],
  [/node|bootcamp/, 28 * Mi],
  [/python|dns-backend|dns-frontend/, 12 * Mi],
  [/fluentd/, 60 * Mi],
  [/fluent-bit/, 9 * Mi],
  [/coredns/, 13 * Mi],
  [/etcd/, 40 * Mi],
  [/metrics-server/, 18 * Mi],
  [/tf-serving|tensorflow/, 120 * Mi],
  [/busybox|alpine|bash|pause/, 0.4 * Mi],
  [/ubuntu|debian|fedora|centos/, 1 * Mi],
];
const DEFAULT_RESIDENT = 6 * Mi;

/** Steady resident memory of a container running `image` (a resolved reference). */
export function residentBytes(image: string): number {
  const looked = lookupImage(image);
  const names = looked.ok ? `${looked.image.family ?? ''} ${looked.image.repository}` : image;
  for (const [pattern, bytes] of RESIDENT) if (pattern.test(names)) return Math.round(bytes);
  return DEFAULT_RESIDENT;
}

export interface UsageInput {
  /** Requests per second the container answered over the metric window */
  requestsPerSecond: number;
  cpuHogs?: number;
  image: string;
  allocatedBytes?: number;
  limits: { cpu?: string; memory?: string };
}

/** CPU in millicores as metrics-server reports it (kubectl rounds up to whole millicores). */
export function cpuMilli(input: UsageInput): number {
  const raw = IDLE_CPU_MILLI + CPU_MILLI_PER_REQUEST_PER_SECOND * input.requestsPerSecond + CPU_MILLI_PER_HOG * (input.cpuHogs ?? 0);
  const limit = input.limits.cpu !== undefined ? parseQuantity(input.limits.cpu) : undefined;
  const capped = limit !== undefined && limit > 0 ? Math.min(raw, limit * 1000) : raw;
  return Math.ceil(capped - 1e-9);
}

export function memoryBytes(input: UsageInput): number {
  const raw = input.allocatedBytes ? input.allocatedBytes + residentBytes(input.image) : residentBytes(input.image);
  const limit = input.limits.memory !== undefined ? parseQuantity(input.limits.memory) : undefined;
  return Math.round(limit !== undefined && limit > 0 ? Math.min(raw, limit) : raw);
}
