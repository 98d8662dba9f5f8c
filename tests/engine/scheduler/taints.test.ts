import { describe, expect, it } from 'vitest';
import { toleratesTaint } from '../../../src/engine/scheduler/taints';

describe('toleration matching', () => {
  const taint = { key: 'sla', value: '950', effect: 'NoSchedule' };
  it.each([
    [{ key: 'sla', operator: 'Gt', value: '900', effect: 'NoSchedule' }, true],
    [{ key: 'sla', operator: 'Gt', value: '950', effect: 'NoSchedule' }, false],
    [{ key: 'sla', operator: 'Lt', value: '1000' }, true],
    [{ key: 'sla', operator: 'Lt', value: '950' }, false],
    [{ key: 'sla', operator: 'Equal', value: '950' }, true],
    [{ key: 'sla', operator: 'Exists', effect: 'NoExecute' }, false],
    [{ operator: 'Exists' }, true],
  ])('%j tolerates sla=950:NoSchedule → %s', (toleration, expected) => {
    expect(toleratesTaint(toleration, taint)).toBe(expected);
  });
});
