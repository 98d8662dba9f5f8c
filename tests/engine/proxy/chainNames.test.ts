import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { endpointChainName, serviceChains, servicePortName } from '../../../src/engine/proxy/chainNames';
import { base32, sha256 } from '../../../src/engine/proxy/sha256';

describe('kube-proxy chain names (sha256 → base32 → 16 chars)', () => {
  it.each([
    ['default/kubernetes:https', 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'udp', 'KUBE-SVC-TCOU7JCQXEZGVUNU'],
    ['kube-system/kube-dns:dns-tcp', 'tcp', 'KUBE-SVC-ERIFXISQEP7F7OF4'],
    ['kube-system/kube-dns:metrics', 'tcp', 'KUBE-SVC-JD5MR3NA4I4DYORP'],
    ['default/web', 'TCP', 'KUBE-SVC-LOLE4ISW44XBNF3G'],
  ])('%s %s → %s', (name, protocol, chain) => {
    expect(serviceChains(name, protocol).svc).toBe(chain);
  });

  it('derives KUBE-EXT/SVL/FW from the same hash', () => {
    expect(serviceChains('default/web', 'tcp')).toEqual({
      svc: 'KUBE-SVC-LOLE4ISW44XBNF3G', svl: 'KUBE-SVL-LOLE4ISW44XBNF3G', ext: 'KUBE-EXT-LOLE4ISW44XBNF3G', fw: 'KUBE-FW-LOLE4ISW44XBNF3G',
    });
  });

  it.each([
    ['10.244.1.12:8080', 'KUBE-SEP-5OCWPZKODR2CLL6E'],
    ['10.244.1.5:8080', 'KUBE-SEP-XQWD6PXGZUTOOIVQ'],
    ['10.244.2.7:8080', 'KUBE-SEP-CBPCTALQVABL5M2H'],
  ])('endpoint %s of default/web → %s', (endpoint, chain) => {
    expect(endpointChainName('default/web', 'tcp', endpoint)).toBe(chain);
  });

  it.each([
    ['default', 'web', undefined, 'default/web'],
    ['default', 'web', '', 'default/web'],
    ['kube-system', 'kube-dns', 'dns', 'kube-system/kube-dns:dns'],
  ])('service port name %s/%s port %s → %s', (ns, svc, port, name) => {
    expect(servicePortName(ns, svc, port)).toBe(name);
  });

  it.each([0, 1, 3, 55, 56, 63, 64, 65, 200])('sha256 of %i bytes matches node:crypto', (n) => {
    const text = 'k'.repeat(n);
    expect(Buffer.from(sha256(new TextEncoder().encode(text))).toString('hex')).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it.each([
    ['', ''], ['f', 'MY======'], ['fo', 'MZXQ===='], ['foo', 'MZXW6==='], ['foob', 'MZXW6YQ='], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI======'],
  ])('base32(%j) = %s (RFC 4648 vectors)', (text, encoded) => {
    expect(base32(new TextEncoder().encode(text))).toBe(encoded);
  });
});
