import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../../../src/engine/apiserver/defaults';
import { invalidMessage } from '../../../src/engine/apiserver/errors';
import { validateObject } from '../../../src/engine/apiserver/validation';
import { causes, container, pod } from './fixtures';

const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe('Pod validation', () => {
  it('accepts a minimal pod', () => {
    expect(causes(pod())).toEqual([]);
  });

  it.each<[string, object, string[]]>([
    ['bad object name (§13.4)', pod({}, { name: 'My_App' }), [`metadata.name: Invalid value: "My_App": ${SUBDOMAIN_MSG}`]],
    ['bad container name (§13.5)', pod({ containers: [container({ name: 'Web_1' })] }),
      [`spec.containers[0].name: Invalid value: "Web_1": ${LABEL_MSG}`]],
    ['container name over 63', pod({ containers: [container({ name: 'a'.repeat(64) })] }),
      [`spec.containers[0].name: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`]],
    ['duplicate container names (§13.6)', pod({ containers: [container({ name: 'nginx' }), container({ name: 'nginx' })] }),
      ['spec.containers[1].name: Duplicate value: "nginx"']],
    ['duplicate across init and regular', pod({ initContainers: [container({ name: 'app' })] }),
      ['spec.initContainers[0].name: Duplicate value: "app"']],
    ['missing image (§13.7)', pod({ containers: [{ name: 'app' }] }), ['spec.containers[0].image: Required value']],
    ['no containers', pod({ containers: [] }), ['spec.containers: Required value']],
    ['bad port (§13.8)', pod({ containers: [container({ ports: [{ containerPort: 70000 }] })] }),
      ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['port name too long', pod({ containers: [container({ ports: [{ name: 'a-very-long-port-name', containerPort: 80 }] })] }),
      ['spec.containers[0].ports[0].name: Invalid value: "a-very-long-port-name": must be no more than 15 characters']],
    ['duplicate port names only', pod({ containers: [container({ ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }] })] }),
      ['spec.containers[0].ports[1].name: Duplicate value: "http"']],
    ['bad protocol', pod({ containers: [container({ ports: [{ containerPort: 80, protocol: 'HTTP' }] })] }),
      ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    ['requests above limits (§13.13)', pod({ containers: [container({ resources: { limits: { cpu: '1' }, requests: { cpu: '2' } } })] }),
      ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1']],
    ['memory request above limit', pod({ containers: [container({ resources: { limits: { memory: '128Mi' }, requests: { memory: '1Gi' } } })] }),
      ['spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 128Mi']],
    ['negative quantity', pod({ containers: [container({ resources: { limits: { cpu: '-1' } } })] }),
      ['spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
        'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0']],
    ['unknown resource name', pod({ containers: [container({ resources: { limits: { gpu: '1' } } })] }),
      ['spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers']],
    ['extended resource request without limit', pod({ containers: [container({ resources: { requests: { 'example.com/gpu': '1' } } })] }),
      ['spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources']],
    ['restartPolicy value', pod({ restartPolicy: 'Sometimes' }),
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
    ['dnsPolicy value', pod({ dnsPolicy: 'Cluster' }),
      ['spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"']],
    ['dnsPolicy None needs dnsConfig', pod({ dnsPolicy: 'None' }),
      ['spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None']],
    ['pull policy', pod({ containers: [container({ imagePullPolicy: 'Sometimes' })] }),
      ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"']],
    ['activeDeadlineSeconds', pod({ activeDeadlineSeconds: 0 }),
      ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive']],
    ['nodeSelector value', pod({ nodeSelector: { disk: 'ssd fast' } }),
      ["spec.nodeSelector: Invalid value: \"ssd fast\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]],
    ['env name', pod({ containers: [container({ env: [{ name: '1BAD', value: 'x' }] })] }),
      ["spec.containers[0].env[0].name: Invalid value: \"1BAD\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"]],
    ['env name required', pod({ containers: [container({ env: [{ value: 'x' }] })] }), ['spec.containers[0].env[0].name: Required value']],
    ['env value and valueFrom', pod({ containers: [container({ env: [{ name: 'A', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] })] }),
      ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty']],
    ['env fieldRef path', pod({ containers: [container({ env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'spec.bogus' } } }] })] }),
      ['spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "spec.bogus": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"']],
  ])('%s', (_name, manifest, expected) => {
    expect(causes(manifest)).toEqual(expected);
  });
});

describe('Pod volumes and mounts', () => {
  it.each<[string, object, string[]]>([
    ['mount of an unknown volume', pod({ containers: [container({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] }),
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    ['duplicate mountPath', pod({ volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', emptyDir: {} }],
      containers: [container({ volumeMounts: [{ name: 'a', mountPath: '/d' }, { name: 'b', mountPath: '/d' }] })] }),
    ['spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/d": must be unique']],
    ['duplicate volume names', pod({ volumes: [{ name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {} }] }),
      ['spec.volumes[1].name: Duplicate value: "a"']],
    ['two sources', pod({ volumes: [{ name: 'a', emptyDir: {}, configMap: { name: 'c' } }] }),
      ['spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type']],
    ['volume name format', pod({ volumes: [{ name: 'My_Vol', emptyDir: {} }] }),
      [`spec.volumes[0].name: Invalid value: "My_Vol": ${LABEL_MSG}`]],
    ['secret volume needs a name', pod({ volumes: [{ name: 's', secret: {} }] }), ['spec.volumes[0].secret.secretName: Required value']],
    ['pvc volume needs a claim', pod({ volumes: [{ name: 'p', persistentVolumeClaim: {} }] }),
      ['spec.volumes[0].persistentVolumeClaim.claimName: Required value']],
    ['hostPath type', pod({ volumes: [{ name: 'h', hostPath: { path: '/x', type: 'Dir' } }] }),
      ['spec.volumes[0].hostPath.type: Unsupported value: "Dir": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"']],
    ['defaultMode range', pod({ volumes: [{ name: 'c', configMap: { name: 'x', defaultMode: 1000 } }] }),
      ['spec.volumes[0].configMap.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive']],
    ['mount of an invalid volume is not found either', pod({ volumes: [{ name: 'data', secret: {} }],
      containers: [container({ volumeMounts: [{ name: 'data', mountPath: '/d' }] })] }),
    ['spec.volumes[0].secret.secretName: Required value', 'spec.containers[0].volumeMounts[0].name: Not found: "data"']],
  ])('%s', (_name, manifest, expected) => {
    expect(causes(manifest)).toEqual(expected);
  });
});

describe('Probes, init containers, tolerations, affinity', () => {
  it.each<[string, object, string[]]>([
    ['no handler', pod({ containers: [container({ livenessProbe: { periodSeconds: 5 } })] }),
      ['spec.containers[0].livenessProbe: Required value: must specify a handler type']],
    ['two handlers', pod({ containers: [container({ readinessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } })] }),
      ['spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type']],
    ['liveness successThreshold', pod({ containers: [container({ livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } })] }),
      ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1']],
    ['startup successThreshold', pod({ containers: [container({ startupProbe: { tcpSocket: { port: 80 }, successThreshold: 3 } })] }),
      ['spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1']],
    ['readiness may have successThreshold 2', pod({ containers: [container({ readinessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } })] }), []],
    ['negative threshold', pod({ containers: [container({ readinessProbe: { tcpSocket: { port: 80 }, failureThreshold: -1 } })] }),
      ['spec.containers[0].readinessProbe.failureThreshold: Invalid value: -1: must be greater than or equal to 0']],
    ['probe port name', pod({ containers: [container({ livenessProbe: { httpGet: { port: 'HTTP' } } })] }),
      ['spec.containers[0].livenessProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "HTTP": must contain at least one letter (a-z)']],
    ['init restartPolicy', pod({ initContainers: [container({ name: 'init', restartPolicy: 'OnFailure' })] }),
      ['spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"']],
    ['init probe without sidecar', pod({ initContainers: [container({ name: 'init', readinessProbe: { tcpSocket: { port: 80 } } })] }),
      ['spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always']],
    ['sidecar with probe', pod({ initContainers: [container({ name: 'side', restartPolicy: 'Always', readinessProbe: { tcpSocket: { port: 80 } } })] }), []],
    ['restartPolicy on a regular container', pod({ containers: [container({ restartPolicy: 'Always' })] }),
      ['spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers']],
    ['Exists with a value', pod({ tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] }),
      ['spec.tolerations[0].operator: Invalid value: "v": value must be empty when `operator` is \'Exists\'']],
    ['toleration effect', pod({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoRun' }] }),
      ['spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"']],
    ['numeric toleration operator (KEP-5471)', pod({ tolerations: [{ key: 'k', operator: 'Gt', value: '9' }] }), []],
    ['numeric toleration needs an integer', pod({ tolerations: [{ key: 'k', operator: 'Lt', value: 'high' }] }),
      ['spec.tolerations[0].value: Invalid value: "high": value must be a valid integer when `operator` is \'Gt\' or \'Lt\'']],
    ['unknown toleration operator', pod({ tolerations: [{ key: 'k', operator: 'Above', value: '9' }] }),
      ['spec.tolerations[0].operator: Unsupported value: "Above": supported values: "Equal", "Exists", "Gt", "Lt"']],
    ['empty key needs Exists', pod({ tolerations: [{ operator: 'Equal', value: 'x' }] }),
      ['spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"']],
    ['tolerationSeconds needs NoExecute', pod({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }] }),
      ["spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"]],
    ['node affinity operator', pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'Equals', values: ['a'] }] }] } } } }),
    ['spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator']],
    ['node affinity In without values', pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In' }] }] } } } }),
    ["spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]],
    ['preferred weight', pod({ affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 0, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } }] } } }),
    ['spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100']],
    ['pod anti-affinity topologyKey', pod({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [
      { labelSelector: { matchLabels: { app: 'web' } } }] } } }),
    ['spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must be non-empty',
      "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]],
    ['topology spread', pod({ topologySpreadConstraints: [{ maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'Maybe' }] }),
      ['spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
        'spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Maybe": supported values: "DoNotSchedule", "ScheduleAnyway"']],
  ])('%s', (_name, manifest, expected) => {
    expect(causes(manifest)).toEqual(expected);
  });
});

describe('Pod metadata', () => {
  it.each<[string, object, string[]]>([
    ['missing name', pod({}, { name: undefined }), ['metadata.name: Required value: name or generateName is required']],
    ['generateName instead of a name', pod({}, { name: undefined, generateName: 'web-' }), []],
    ['label key', pod({}, { labels: { 'bad key': 'x' } }),
      ["metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]],
    ['label prefix', pod({}, { labels: { 'Example.com/x': 'y' } }), [`metadata.labels: Invalid value: "Example.com/x": prefix part ${SUBDOMAIN_MSG}`]],
    ['label value length', pod({}, { labels: { app: 'v'.repeat(64) } }),
      [`metadata.labels: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`]],
    ['annotation keys are case-insensitive', pod({}, { annotations: { 'Example.com/Key': 'v' } }), []],
    ['finalizer name', pod({}, { finalizers: ['mine'] }),
      ['metadata.finalizers[0]: Invalid value: "mine": name is neither a standard finalizer name nor is it fully qualified']],
  ])('%s', (_name, manifest, expected) => {
    expect(causes(manifest)).toEqual(expected);
  });

  it('renders several causes the way kubectl does', () => {
    const errors = validateObject(applyDefaults(pod({ containers: [{ name: 'A' }] })));
    expect(invalidMessage('Pod', 'web', errors)).toBe(
      'The Pod "web" is invalid: \n' +
      `* spec.containers[0].name: Invalid value: "A": ${LABEL_MSG}\n` +
      '* spec.containers[0].image: Required value');
  });
});
