// Go field types that the TypeScript types cannot express, for the API server's decode messages
// (`json: cannot unmarshal number into Go struct field Container.spec.containers.imagePullPolicy
// of type v1.PullPolicy`). Without an entry a TS string is Go `string`, a number `int32`.
// Source: k8s.io/api <group>/<version>/types.go and k8s.io/apimachinery meta/v1/types.go (1.30).

const container = {
  imagePullPolicy: 'v1.PullPolicy',
  terminationMessagePolicy: 'v1.TerminationMessagePolicy',
  restartPolicy: 'v1.ContainerRestartPolicy',
};

/** type → field → Go type. */
export const GO_FIELD_TYPES = {
  'core/v1.Container': container,
  'core/v1.EphemeralContainer': container,
  'core/v1.ContainerPort': { protocol: 'v1.Protocol' },
  'core/v1.ContainerResizePolicy': { resourceName: 'v1.ResourceName', restartPolicy: 'v1.ResourceResizeRestartPolicy' },
  'core/v1.VolumeMount': { mountPropagation: 'v1.MountPropagationMode', recursiveReadOnly: 'v1.RecursiveReadOnlyMode' },
  'core/v1.Probe': { terminationGracePeriodSeconds: 'int64' },
  'core/v1.HTTPGetAction': { scheme: 'v1.URIScheme' },
  'core/v1.SleepAction': { seconds: 'int64' },
  'core/v1.SecurityContext': { runAsUser: 'int64', runAsGroup: 'int64', procMount: 'v1.ProcMountType' },
  'core/v1.Capabilities': { add: '[]v1.Capability', drop: '[]v1.Capability' },
  'core/v1.SeccompProfile': { type: 'v1.SeccompProfileType' },
  'core/v1.AppArmorProfile': { type: 'v1.AppArmorProfileType' },
  'core/v1.PodSecurityContext': {
    runAsUser: 'int64', runAsGroup: 'int64', fsGroup: 'int64', supplementalGroups: '[]int64',
    fsGroupChangePolicy: 'v1.PodFSGroupChangePolicy', supplementalGroupsPolicy: 'v1.SupplementalGroupsPolicy',
    seLinuxChangePolicy: 'v1.PodSELinuxChangePolicy',
  },
  'core/v1.Lifecycle': { stopSignal: 'v1.Signal' },
  'core/v1.ImageVolumeSource': { pullPolicy: 'v1.PullPolicy' },
  'core/v1.PodSpec': {
    restartPolicy: 'v1.RestartPolicy', terminationGracePeriodSeconds: 'int64', activeDeadlineSeconds: 'int64',
    dnsPolicy: 'v1.DNSPolicy', preemptionPolicy: 'v1.PreemptionPolicy', overhead: 'v1.ResourceList',
  },
  'core/v1.PodOS': { name: 'v1.OSName' },
  'core/v1.PodReadinessGate': { conditionType: 'v1.PodConditionType' },
  'core/v1.Toleration': { operator: 'v1.TolerationOperator', effect: 'v1.TaintEffect', tolerationSeconds: 'int64' },
  'core/v1.Taint': { effect: 'v1.TaintEffect' },
  'core/v1.TopologySpreadConstraint': {
    whenUnsatisfiable: 'v1.UnsatisfiableConstraintAction',
    nodeAffinityPolicy: 'v1.NodeInclusionPolicy', nodeTaintsPolicy: 'v1.NodeInclusionPolicy',
  },
  'core/v1.NodeSelectorRequirement': { operator: 'v1.NodeSelectorOperator' },
  'core/v1.HostPathVolumeSource': { type: 'v1.HostPathType' },
  'core/v1.EmptyDirVolumeSource': { medium: 'v1.StorageMedium' },
  'core/v1.ServiceAccountTokenProjection': { expirationSeconds: 'int64' },
  'core/v1.AzureDiskVolumeSource': { cachingMode: 'v1.AzureDataDiskCachingMode', kind: 'v1.AzureDataDiskKind' },
  'core/v1.PersistentVolumeClaimSpec': { accessModes: '[]v1.PersistentVolumeAccessMode', volumeMode: 'v1.PersistentVolumeMode' },
  'core/v1.PersistentVolumeClaimStatus': {
    phase: 'v1.PersistentVolumeClaimPhase', accessModes: '[]v1.PersistentVolumeAccessMode',
    allocatedResourceStatuses: 'map[v1.ResourceName]v1.ClaimResourceStatus',
  },
  'core/v1.PersistentVolumeClaimCondition': { type: 'v1.PersistentVolumeClaimConditionType', status: 'v1.ConditionStatus' },
  'core/v1.PersistentVolumeSpec': {
    accessModes: '[]v1.PersistentVolumeAccessMode', persistentVolumeReclaimPolicy: 'v1.PersistentVolumeReclaimPolicy',
    volumeMode: 'v1.PersistentVolumeMode',
  },
  'core/v1.ObjectReference': { uid: 'types.UID' },
  'core/v1.ServiceSpec': {
    type: 'v1.ServiceType', sessionAffinity: 'v1.ServiceAffinity',
    externalTrafficPolicy: 'v1.ServiceExternalTrafficPolicy', internalTrafficPolicy: 'v1.ServiceInternalTrafficPolicy',
    ipFamilies: '[]v1.IPFamily', ipFamilyPolicy: 'v1.IPFamilyPolicy',
  },
  'core/v1.ServicePort': { protocol: 'v1.Protocol' },
  'core/v1.EndpointPort': { protocol: 'v1.Protocol' },
  'core/v1.Secret': { type: 'v1.SecretType' },
  'core/v1.NamespaceSpec': { finalizers: '[]v1.FinalizerName' },
  'core/v1.NamespaceStatus': { phase: 'v1.NamespacePhase' },
  'core/v1.LimitRangeItem': { type: 'v1.LimitType' },
  'core/v1.ResourceQuotaSpec': { scopes: '[]v1.ResourceQuotaScope' },
  'core/v1.ScopedResourceSelectorRequirement': { scopeName: 'v1.ResourceQuotaScope', operator: 'v1.ScopeSelectorOperator' },
  'core/v1.PodCondition': { type: 'v1.PodConditionType', status: 'v1.ConditionStatus' },
  'core/v1.NodeCondition': { type: 'v1.NodeConditionType', status: 'v1.ConditionStatus' },
  'core/v1.NodeAddress': { type: 'v1.NodeAddressType' },
  'core/v1.PodStatus': { phase: 'v1.PodPhase', qosClass: 'v1.PodQOSClass' },
  'core/v1.NodeStatus': { phase: 'v1.NodePhase' },
  'core/v1.PersistentVolumeStatus': { phase: 'v1.PersistentVolumePhase' },
  'core/v1.ComponentCondition': { type: 'v1.ComponentConditionType', status: 'v1.ConditionStatus' },
  'core/v1.ReplicationControllerCondition': { type: 'v1.ReplicationControllerConditionType', status: 'v1.ConditionStatus' },
  'core/v1.ReplicationControllerStatus': { observedGeneration: 'int64' },
  'core/v1.PortStatus': { protocol: 'v1.Protocol' },
  'core/v1.ContainerStatus': { allocatedResources: 'v1.ResourceList' },

  'meta/v1.ObjectMeta': { uid: 'types.UID', generation: 'int64', deletionGracePeriodSeconds: 'int64' },
  'meta/v1.OwnerReference': { uid: 'types.UID' },
  'meta/v1.ListMeta': { remainingItemCount: 'int64' },
  'meta/v1.LabelSelectorRequirement': { operator: 'v1.LabelSelectorOperator' },
  'meta/v1.ManagedFieldsEntry': { operation: 'v1.ManagedFieldsOperationType' },
  'meta/v1.Condition': { status: 'v1.ConditionStatus', observedGeneration: 'int64' },

  'apps/v1.DeploymentStrategy': { type: 'v1.DeploymentStrategyType' },
  'apps/v1.DaemonSetUpdateStrategy': { type: 'v1.DaemonSetUpdateStrategyType' },
  'apps/v1.StatefulSetSpec': { podManagementPolicy: 'v1.PodManagementPolicyType' },
  'apps/v1.StatefulSetUpdateStrategy': { type: 'v1.StatefulSetUpdateStrategyType' },
  'apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy': {
    whenDeleted: 'v1.PersistentVolumeClaimRetentionPolicyType', whenScaled: 'v1.PersistentVolumeClaimRetentionPolicyType',
  },
  'apps/v1.ControllerRevision': { revision: 'int64' },
  'apps/v1.DeploymentStatus': { observedGeneration: 'int64' },
  'apps/v1.ReplicaSetStatus': { observedGeneration: 'int64' },
  'apps/v1.StatefulSetStatus': { observedGeneration: 'int64' },
  'apps/v1.DaemonSetStatus': { observedGeneration: 'int64' },
  'apps/v1.DeploymentCondition': { type: 'v1.DeploymentConditionType', status: 'v1.ConditionStatus' },
  'apps/v1.ReplicaSetCondition': { type: 'v1.ReplicaSetConditionType', status: 'v1.ConditionStatus' },
  'apps/v1.StatefulSetCondition': { type: 'v1.StatefulSetConditionType', status: 'v1.ConditionStatus' },
  'apps/v1.DaemonSetCondition': { type: 'v1.DaemonSetConditionType', status: 'v1.ConditionStatus' },

  'batch/v1.JobSpec': {
    activeDeadlineSeconds: 'int64', completionMode: 'v1.CompletionMode', podReplacementPolicy: 'v1.PodReplacementPolicy',
  },
  'batch/v1.CronJobSpec': { startingDeadlineSeconds: 'int64', concurrencyPolicy: 'v1.ConcurrencyPolicy' },
  'batch/v1.PodFailurePolicyRule': { action: 'v1.PodFailurePolicyAction' },
  'batch/v1.PodFailurePolicyOnExitCodesRequirement': { operator: 'v1.PodFailurePolicyOnExitCodesOperator' },
  'batch/v1.PodFailurePolicyOnPodConditionsPattern': { type: 'v1.PodConditionType', status: 'v1.ConditionStatus' },
  'batch/v1.JobCondition': { type: 'v1.JobConditionType', status: 'v1.ConditionStatus' },

  'autoscaling/v2.MetricSpec': { type: 'v2.MetricSourceType' },
  'autoscaling/v2.MetricTarget': { type: 'v2.MetricTargetType' },
  'autoscaling/v2.ResourceMetricSource': { name: 'v1.ResourceName' },
  'autoscaling/v2.ContainerResourceMetricSource': { name: 'v1.ResourceName' },
  'autoscaling/v2.HPAScalingRules': { selectPolicy: 'v2.ScalingPolicySelect' },
  'autoscaling/v2.HPAScalingPolicy': { type: 'v2.HPAScalingPolicyType' },
  'autoscaling/v2.HorizontalPodAutoscalerCondition': { type: 'v2.HorizontalPodAutoscalerConditionType', status: 'v1.ConditionStatus' },
  'autoscaling/v2.HorizontalPodAutoscalerStatus': { observedGeneration: 'int64' },
  'autoscaling/v1.HorizontalPodAutoscalerStatus': { observedGeneration: 'int64' },

  'networking/v1.HTTPIngressPath': { pathType: 'v1.PathType' },
  'networking/v1.NetworkPolicySpec': { policyTypes: '[]v1.PolicyType' },
  'networking/v1.NetworkPolicyPort': { protocol: 'v1.Protocol' },

  'policy/v1.PodDisruptionBudgetSpec': { unhealthyPodEvictionPolicy: 'v1.UnhealthyPodEvictionPolicyType' },
  'policy/v1.PodDisruptionBudgetStatus': { observedGeneration: 'int64' },

  'storage/v1.StorageClass': { reclaimPolicy: 'v1.PersistentVolumeReclaimPolicy', volumeBindingMode: 'v1.VolumeBindingMode' },
  'storage/v1.CSIDriverSpec': { volumeLifecycleModes: '[]v1.VolumeLifecycleMode', fsGroupPolicy: 'v1.FSGroupPolicy' },
  'storage/v1.TokenRequest': { expirationSeconds: 'int64' },

  'discovery/v1.EndpointSlice': { addressType: 'v1.AddressType' },
  'discovery/v1.EndpointPort': { protocol: 'v1.Protocol' },

  'scheduling/v1.PriorityClass': { preemptionPolicy: 'v1.PreemptionPolicy' },

  'certificates/v1.CertificateSigningRequestSpec': { usages: '[]v1.KeyUsage', extra: 'map[string]v1.ExtraValue' },
  'certificates/v1.CertificateSigningRequestCondition': { type: 'v1.RequestConditionType', status: 'v1.ConditionStatus' },

  'admissionregistration/v1.ValidatingWebhook': {
    failurePolicy: 'v1.FailurePolicyType', matchPolicy: 'v1.MatchPolicyType', sideEffects: 'v1.SideEffectClass',
  },
  'admissionregistration/v1.MutatingWebhook': {
    failurePolicy: 'v1.FailurePolicyType', matchPolicy: 'v1.MatchPolicyType', sideEffects: 'v1.SideEffectClass',
    reinvocationPolicy: 'v1.ReinvocationPolicyType',
  },
  'admissionregistration/v1.RuleWithOperations': { operations: '[]v1.OperationType', scope: 'v1.ScopeType' },

  'apiextensions/v1.CustomResourceDefinitionSpec': { scope: 'v1.ResourceScope' },
  'apiextensions/v1.CustomResourceConversion': { strategy: 'v1.ConversionStrategyType' },
  'apiextensions/v1.JSONSchemaProps': {
    maximum: 'float64', minimum: 'float64', multipleOf: 'float64',
    maxLength: 'int64', minLength: 'int64', maxItems: 'int64', minItems: 'int64',
    maxProperties: 'int64', minProperties: 'int64',
  },
};

/**
 * Fields whose Go type is []byte: JSON carries them as base64 strings, and a value that is not
 * valid base64 fails to decode (`illegal base64 data at input byte N`).
 */
export const BYTES_FIELDS = {
  'core/v1.Secret': { data: 'map' },
  'core/v1.ConfigMap': { binaryData: 'map' },
  'certificates/v1.CertificateSigningRequestSpec': { request: 'value' },
  'certificates/v1.CertificateSigningRequestStatus': { certificate: 'value' },
  'admissionregistration/v1.WebhookClientConfig': { caBundle: 'value' },
  'apiextensions/v1.WebhookClientConfig': { caBundle: 'value' },
};
