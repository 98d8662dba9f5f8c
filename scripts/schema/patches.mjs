// Corrections to the installed kubernetes-types (1.30), applied before anything is generated:
// - fields its generator lost (`resources` and `scope` of the admission rule types, which embed
//   Rule in Go), so valid webhook configurations are not reported as carrying unknown fields;
// - fields the API gained in 1.31–1.33 (the playground follows 1.31+, and the manifest corpus
//   uses pod-level resources), with their upstream descriptions;
// - requirements upstream relaxed (`onPodConditions[].status` is optional since 1.31).
const core = (name) => ({ $ref: `#/definitions/core/v1.${name}` });

const RULE_FIELDS = {
  resources: {
    type: 'array', items: { type: 'string' },
    description: "Resources is a list of resources this rule applies to. For example: 'pods' means pods. '*' means all resources.",
  },
  scope: {
    type: 'string',
    description: 'scope specifies the scope of this rule. Valid values are "Cluster", "Namespaced", and "*". Default is "*".',
  },
};

const ADDED_FIELDS = {
  'core/v1.PodSpec': {
    resources: {
      ...core('ResourceRequirements'),
      description: 'Resources is the total amount of CPU and Memory resources required by all containers in the pod. It supports specifying Requests and Limits for "cpu" and "memory" resource names only. ResourceClaims are not supported. This field enables fine-grained control over resource allocation for the entire pod, allowing resource sharing among containers in a pod. This is an alpha field and requires enabling the PodLevelResources feature gate.',
    },
  },
  'core/v1.ResourceClaim': {
    request: { type: 'string', description: 'Request is the name chosen for a request in the referenced claim. If empty, everything from the claim is made available, otherwise only the result of this request.' },
  },
  'core/v1.PodResourceClaim': {
    resourceClaimName: { type: 'string', description: 'ResourceClaimName is the name of a ResourceClaim object in the same namespace as this pod. Exactly one of ResourceClaimName and ResourceClaimTemplateName must be set.' },
    resourceClaimTemplateName: { type: 'string', description: 'ResourceClaimTemplateName is the name of a ResourceClaimTemplate object in the same namespace as this pod. Exactly one of ResourceClaimName and ResourceClaimTemplateName must be set.' },
  },
  'core/v1.PodSecurityContext': {
    supplementalGroupsPolicy: { type: 'string', description: 'Defines how supplemental groups of the first container processes are calculated. Valid values are "Merge" and "Strict". If not specified, "Merge" is used. Note that this field cannot be set when spec.os.name is windows.' },
    seLinuxChangePolicy: { type: 'string', description: 'seLinuxChangePolicy defines how the container\'s SELinux label is applied to all volumes used by the Pod. Valid values are "MountOption" and "Recursive". Note that this field cannot be set when spec.os.name is windows.' },
  },
  'core/v1.Lifecycle': {
    stopSignal: { type: 'string', description: 'StopSignal defines which signal will be sent to a container when it is being stopped. If not specified, the default is defined by the container runtime in use. StopSignal can only be set for Pods with a non-empty .spec.os.name' },
  },
  'core/v1.Volume': {
    image: { ...core('ImageVolumeSource'), description: 'image represents an OCI object (a container image or artifact) pulled and mounted on the kubelet\'s host machine. The volume is always mounted read-only.' },
  },
};

const ADDED_TYPES = {
  'core/v1.ImageVolumeSource': {
    type: 'object',
    description: 'ImageVolumeSource represents a image volume resource.',
    properties: {
      pullPolicy: { type: 'string', description: 'Policy for pulling OCI objects. Possible values are: Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.' },
      reference: { type: 'string', description: 'Required: Image or artifact reference to be used. Behaves in the same way as pod.spec.containers[*].image.' },
    },
    additionalProperties: false,
  },
};

const RELAXED_REQUIRED = { 'batch/v1.PodFailurePolicyOnPodConditionsPattern': ['status'] };

function addFields(def, fields) {
  const properties = { ...def.properties };
  for (const [field, schema] of Object.entries(fields)) properties[field] ??= schema;
  def.properties = Object.fromEntries(Object.entries(properties).sort(([a], [b]) => a.localeCompare(b)));
}

export function patchDefinitions(definitions) {
  for (const [name, def] of Object.entries(ADDED_TYPES)) definitions[name] ??= def;
  for (const [name, def] of Object.entries(definitions)) {
    if (/^admissionregistration\/[^.]+\.(Named)?RuleWithOperations$/.test(name)) addFields(def, RULE_FIELDS);
    if (ADDED_FIELDS[name]) addFields(def, ADDED_FIELDS[name]);
    if (RELAXED_REQUIRED[name] && def.required) {
      def.required = def.required.filter((field) => !RELAXED_REQUIRED[name].includes(field));
      if (def.required.length === 0) delete def.required;
    }
  }
  return definitions;
}
