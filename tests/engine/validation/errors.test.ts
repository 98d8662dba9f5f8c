import { describe, expect, it } from 'vitest';
import {
  GoValue, type FieldError, fieldErrorText, goQuote, invalidMessage, renderValue, serverInvalidMessage,
} from '../../../src/engine/apiserver/errors';
import { goIntOrString, goLabelSelector, goStringMap } from '../../../src/engine/apiserver/validation/goTypes';

describe('value rendering (ErrorBody)', () => {
  it.each<[unknown, string]>([
    ['My_App', '"My_App"'],
    ['say "hi"\n', '"say \\"hi\\"\\n"'],
    ['tab\there', '"tab\\there"'],
    ['\u0001', '"\\x01"'],
    ['héllo', '"héllo"'],
    [70000, '70000'],
    [-1, '-1'],
    [0.5, '0.5'],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'null'],
    [{ app: 'web', tier: 'fe' }, 'map[string]string{"app":"web", "tier":"fe"}'],
    [{ tier: 'fe', app: 'web' }, 'map[string]string{"app":"web", "tier":"fe"}'],
    [['a', 'b'], '[]string{"a", "b"}'],
    [new GoValue('core.Thing{}'), 'core.Thing{}'],
  ])('renders %j as %s', (value, expected) => {
    expect(renderValue(value)).toBe(expected);
  });

  it('quotes like Go strconv.Quote', () => {
    expect(goQuote('a\\b')).toBe('"a\\\\b"');
  });

  it.each<[GoValue, string]>([
    [goLabelSelector({ matchLabels: { app: 'web2' } }),
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}'],
    [goLabelSelector({}), 'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}'],
    [goLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }),
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string{"a", "b"}}}}'],
    [goIntOrString(0), 'intstr.IntOrString{Type:0, IntVal:0, StrVal:""}'],
    [goIntOrString('110%'), 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}'],
    [goStringMap(undefined), 'map[string]string(nil)'],
    [goStringMap({}), 'map[string]string{}'],
  ])('Go %%#v of structs: %s', (value, expected) => {
    expect(value.text).toBe(expected);
  });
});

describe('fieldErrorText', () => {
  it.each<[FieldError, string]>([
    [{ type: 'Required', field: 'spec.containers[0].image' }, 'spec.containers[0].image: Required value'],
    [{ type: 'Required', field: 'metadata.name', detail: 'name or generateName is required' },
      'metadata.name: Required value: name or generateName is required'],
    [{ type: 'Invalid', field: 'spec.replicas', value: -1, detail: 'must be greater than or equal to 0' },
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [{ type: 'Unsupported', field: 'spec.template.spec.restartPolicy', value: 'Never', supported: ['Always'] },
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    [{ type: 'Duplicate', field: 'spec.containers[1].name', value: 'nginx' }, 'spec.containers[1].name: Duplicate value: "nginx"'],
    [{ type: 'Forbidden', field: 'spec', detail: 'nope' }, 'spec: Forbidden: nope'],
    [{ type: 'NotFound', field: 'spec.containers[0].volumeMounts[0].name', value: 'data' },
      'spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    [{ type: 'TooLong', field: 'metadata.annotations', detail: 'must have at most 262144 bytes' },
      'metadata.annotations: Too long: must have at most 262144 bytes'],
    [{ type: 'TooMany', field: 'spec.rules', value: 21, detail: 'must have at most 20 items' },
      'spec.rules: Too many: 21: must have at most 20 items'],
  ])('%j', (error, expected) => {
    expect(fieldErrorText(error)).toBe(expected);
  });
});

describe('invalidMessage (kubectl) and serverInvalidMessage', () => {
  const replicas: FieldError = { type: 'Invalid', field: 'spec.replicas', value: -1, detail: 'must be greater than or equal to 0' };
  const selector: FieldError = { type: 'Required', field: 'spec.selector' };
  const labels: FieldError = {
    type: 'Invalid', field: 'spec.template.metadata.labels', value: { app: 'web' }, detail: '`selector` does not match template `labels`',
  };

  it('prints one cause on the same line', () => {
    expect(invalidMessage('Deployment', 'web', [replicas]))
      .toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });

  it('prints several causes as a list after a header with a trailing space', () => {
    expect(invalidMessage('Deployment', 'web', [selector, labels])).toBe(
      'The Deployment "web" is invalid: \n' +
      '* spec.selector: Required value\n' +
      '* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`');
  });

  it('drops repeated causes', () => {
    expect(invalidMessage('Deployment', 'web', [replicas, replicas])).toBe(invalidMessage('Deployment', 'web', [replicas]));
  });

  it('names an unnamed object with empty quotes', () => {
    expect(invalidMessage('Deployment', '', [{ type: 'Required', field: 'metadata.name', detail: 'name or generateName is required' }]))
      .toBe('The Deployment "" is invalid: metadata.name: Required value: name or generateName is required');
  });

  it('renders the server Status message with brackets for several causes', () => {
    expect(serverInvalidMessage('Deployment.apps', 'web', [replicas])).toBe(
      'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    expect(serverInvalidMessage('Deployment.apps', 'web', [selector, replicas])).toBe(
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]');
  });
});
