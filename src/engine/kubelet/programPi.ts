/**
 * π to N significant digits, as Perl's `bignum` `bpi(N)` prints it (the Job example's output),
 * computed with Machin's formula in BigInt fixed point and rounded half-up.
 */

function arctanInv(x: bigint, unity: bigint): bigint {
  let sum = unity / x;
  let power = sum;
  const x2 = x * x;
  for (let n = 3n, sign = -1n; power !== 0n; n += 2n, sign = -sign) {
    power /= x2;
    sum += (sign * power) / n;
  }
  return sum;
}

export function piDigits(digits: number): string {
  const n = Math.max(1, Math.floor(digits));
  const guard = 10;
  const unity = 10n ** BigInt(n - 1 + guard);
  const pi = 16n * arctanInv(5n, unity) - 4n * arctanInv(239n, unity);
  const rounded = (pi + 5n * 10n ** BigInt(guard - 1)) / 10n ** BigInt(guard);
  const s = rounded.toString();
  return n === 1 ? s : `${s[0]}.${s.slice(1)}`;
}

/** Rough run time of bpi(N) in Math::BigFloat: quadratic in the digits, ~4s for 2000. */
export function piMs(digits: number): number {
  return Math.max(30, Math.round(4000 * (digits / 2000) ** 2));
}
