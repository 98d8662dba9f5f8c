import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../../../src/engine/apiserver/defaults';
import { invalidMessage } from '../../../src/engine/apiserver/errors';
import { validateObject } from '../../../src/engine/apiserver/validation';
import { causes, container, deployment, workload } from './fixtures';

const MISMATCH = '`selector` does not match template `labels`';
const EMPTY_SELECTOR = 'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}';

describe('Deployment', () => {
  it('accepts a typical deployment', () => {
    expect(causes(deployment())).toEqual([]);
  });

  it.each<[string, object, string[]]>([
    ['selector/labels mismatch (§13.1)', deployment({ template: { metadata: { labels: { app: 'web2' } }, spec: { containers: [container()] } } }),
      [`spec.template.metadata.labels: Invalid value: map[string]string{"app":"web2"}: ${MISMATCH}`]],
    ['missing selector (§13.2)', deployment({ selector: undefined }),
      ['spec.selector: Required value', `spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: ${MISMATCH}`]],
    ['empty selector (§13.2)', deployment({ selector: {} }),
      [`spec.selector: Invalid value: ${EMPTY_SELECTOR}: empty selector is invalid for deployment`]],
    ['negative replicas', deployment({ replicas: -1 }), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['restartPolicy Never (§13.14)', deployment({}, { restartPolicy: 'Never' }),
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']],
    ['both limits 0', deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0']],
    ['both 0%', deployment({ strategy: { rollingUpdate: { maxSurge: '0%', maxUnavailable: '0%' } } }),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0']],
    ['percent over 100', deployment({ strategy: { rollingUpdate: { maxUnavailable: '110%' } } }),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%']],
    ['bad percent', deployment({ strategy: { rollingUpdate: { maxSurge: 'lots' } } }),
      ["spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"lots\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"]],
    ['strategy type', deployment({ strategy: { type: 'BlueGreen' } }),
      ['spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"']],
    ['Recreate with rollingUpdate', deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }),
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"]],
    ['progress deadline', deployment({ minReadySeconds: 10, progressDeadlineSeconds: 10 }),
      ['spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds']],
    ['bad selector operator', deployment({ selector: { matchExpressions: [{ key: 'app', operator: 'Is', values: ['web'] }] } }),
      ['spec.selector.matchExpressions[0].operator: Invalid value: "Is": not a valid selector operator',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Is", Values:[]string{"web"}}}}: invalid label selector']],
    ['template pod spec is validated', deployment({}, { containers: [{ name: 'app' }] }),
      ['spec.template.spec.containers[0].image: Required value']],
    ['activeDeadlineSeconds', deployment({}, { activeDeadlineSeconds: 5 }),
      ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported']],
  ])('%s', (_name, manifest, expected) => {
    expect(causes(manifest)).toEqual(expected);
  });

  it('prints the §13 multi-cause message for a missing selector', () => {
    const errors = validateObject(applyDefaults(deployment({ selector: undefined })));
    expect(invalidMessage('Deployment', 'web', errors)).toBe(
      'The Deployment "web" is invalid: \n' +
      '* spec.selector: Required value\n' +
      '* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`');
  });

  it('prints the §13 single-cause message for negative replicas', () => {
    const errors = validateObject(applyDefaults(deployment({ replicas: -1 })));
    expect(invalidMessage('Deployment', 'web', errors))
      .toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });

  it('prints the §13 missing-name message', () => {
    const errors = validateObject(applyDefaults(deployment({}, {}, { name: undefined })));
    expect(invalidMessage('Deployment', '', errors))
      .toBe('The Deployment "" is invalid: metadata.name: Required value: name or generateName is required');
  });
});

describe('ReplicaSet, StatefulSet, DaemonSet, ReplicationController', () => {
  it.each(['ReplicaSet', 'StatefulSet', 'DaemonSet'])('accepts a typical %s', (kind) => {
    expect(causes(workload(kind))).toEqual([]);
  });

  it.each<[string, object, string[]]>([
    ['ReplicaSet empty selector', workload('ReplicaSet', { selector: {} }),
      [`spec.selector: Invalid value: ${EMPTY_SELECTOR}: empty selector is invalid for deployment`]],
    ['ReplicaSet restartPolicy', workload('ReplicaSet', {}, { restartPolicy: 'OnFailure' }),
      ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"']],
    ['StatefulSet mismatch', workload('StatefulSet', { selector: { matchLabels: { app: 'db' } } }),
      [`spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: ${MISMATCH}`]],
    ['StatefulSet empty selector', workload('StatefulSet', { selector: {} }),
      [`spec.selector: Invalid value: ${EMPTY_SELECTOR}: empty selector is invalid for statefulset`]],
    ['StatefulSet restartPolicy', workload('StatefulSet', {}, { restartPolicy: 'Never' }),
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']],
    ['StatefulSet podManagementPolicy', workload('StatefulSet', { podManagementPolicy: 'Fast' }),
      ["spec.podManagementPolicy: Invalid value: \"Fast\": must be 'OrderedReady' or 'Parallel'"]],
    ['StatefulSet names are DNS labels', { ...workload('StatefulSet'), metadata: { name: 'web.v1', namespace: 'default' } },
      ['metadata.name: Invalid value: "web.v1": must not contain dots']],
    ['DaemonSet without selector only mismatches', workload('DaemonSet', { selector: undefined }),
      [`spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: ${MISMATCH}`]],
    ['DaemonSet surge and unavailable', workload('DaemonSet', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } }),
      ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero']],
    ['DaemonSet both zero', workload('DaemonSet', { updateStrategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } }),
      ['spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0']],
    ['ReplicationController mismatch', { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc', namespace: 'default' },
      spec: { selector: { app: 'x' }, template: { metadata: { labels: { app: 'y' } }, spec: { containers: [container()] } } } },
    [`spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: ${MISMATCH}`]],
    ['ReplicationController selector from template', { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc', namespace: 'default' },
      spec: { template: { metadata: { labels: { app: 'y' } }, spec: { containers: [container()] } } } }, []],
  ])('%s', (_name, manifest, expected) => {
    expect(causes(manifest)).toEqual(expected);
  });
});
