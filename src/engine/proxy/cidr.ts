import { ipToNumber } from '../apiserver/serviceAllocator';

/** Whether an IPv4 address lies in `a.b.c.d/n` (a bare address means /32). */
export function inCidr(ip: string, cidr: string): boolean {
  const [base, bits = '32'] = cidr.split('/');
  const a = ipToNumber(ip);
  const b = ipToNumber(base);
  const n = Number(bits);
  if (a === undefined || b === undefined || !Number.isInteger(n) || n < 0 || n > 32) return false;
  if (n === 0) return true;
  const mask = (~0 << (32 - n)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}
