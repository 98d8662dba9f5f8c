/**
 * Pod IPs as the host-local CNI IPAM plugin hands them out from the Node's `spec.podCIDR`:
 * sequentially after the last one reserved (starting at `.2`, `.1` being the bridge gateway),
 * wrapping around, and skipping addresses still in use. A released address is not reused until
 * the range wraps. upstream: containernetworking/plugins/plugins/ipam/host-local/backend/allocator
 */

export function ipToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** The usable range of a CIDR for pods: network+2 … broadcast-1. */
export function podRange(cidr: string): { first: number; last: number } | undefined {
  const match = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(cidr.trim());
  if (!match) return undefined;
  const bits = Number(match[2]);
  if (bits < 8 || bits > 30) return undefined;
  const size = 2 ** (32 - bits);
  const network = Math.floor(ipToNumber(match[1]) / size) * size;
  return { first: network + 2, last: network + size - 2 };
}

/**
 * The next address after `lastReserved` that is not in `inUse`, or undefined when the range is
 * exhausted (the CNI then fails with "no IP addresses available in range set").
 */
export function allocatePodIP(cidr: string, lastReserved: string | undefined, inUse: ReadonlySet<string>): string | undefined {
  const range = podRange(cidr);
  if (!range) return undefined;
  const count = range.last - range.first + 1;
  const last = lastReserved ? ipToNumber(lastReserved) : range.first - 1;
  const start = last >= range.first && last <= range.last ? last + 1 : range.first;
  for (let i = 0; i < count; i++) {
    const candidate = range.first + ((start - range.first + i) % count);
    const ip = numberToIp(candidate);
    if (!inUse.has(ip)) return ip;
  }
  return undefined;
}
