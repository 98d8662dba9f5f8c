import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/engine/api';
import { describeObject } from '../../src/projections/describe';
import { accessModesText, formatLabels } from '../../src/projections/describeStorage';
import { at, event, ts } from './fixtures';

const obj = (o: object) => o as unknown as KubeObject;
const pod = (name: string, claims: string[], uid = `uid-${name}`) => obj({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid },
  spec: { containers: [], volumes: claims.map((c, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName: c } })) },
});
const view = (pods: KubeObject[] = [], events: KubeObject[] = []) => ({
  list: (kind: string, ns?: string) => (kind === 'Pod' ? pods.filter((p) => !ns || p.metadata.namespace === ns) : []),
  events: () => events,
  get: () => undefined,
});

const boundClaim = obj({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim',
  metadata: {
    name: 'data-web-0', namespace: 'default', uid: 'uid-claim', resourceVersion: '7', creationTimestamp: ts(0),
    labels: { app: 'web' },
    annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' },
    finalizers: ['kubernetes.io/pvc-protection'],
  },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem', volumeName: 'pvc-uid-claim' },
  status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1024Mi' } },
});
const claimRef = { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data-web-0', uid: 'uid-claim', apiVersion: 'v1' };

describe('kubectl describe persistentvolumeclaim', () => {
  it('a bound claim: capacity and modes from status, the Pods using it, its Events', () => {
    const events = [
      event('c1', 'ExternalProvisioning', "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.", 1, 3, 2, { component: 'persistentvolume-controller', involvedObject: claimRef }),
      event('c2', 'ProvisioningSucceeded', 'Successfully provisioned volume pvc-uid-claim', 4, 4, 1, { component: 'rancher.io/local-path_local-path-provisioner-7d4d9bdcc5-2x9zq_1a2b', involvedObject: claimRef }),
    ];
    const pods = [pod('web-1', ['other']), pod('web-0', ['data-web-0']), pod('backup', ['data-web-0']), obj({ ...pod('elsewhere', ['data-web-0']), metadata: { name: 'elsewhere', namespace: 'prod', uid: 'x' } })];
    expect(describeObject(boundClaim, view(pods, events), at(64))).toBe([
      'Name:          data-web-0',
      'Namespace:     default',
      'StorageClass:  standard',
      'Status:        Bound',
      'Volume:        pvc-uid-claim',
      'Labels:        app=web',
      'Annotations:   pv.kubernetes.io/bind-completed: yes',
      '               pv.kubernetes.io/bound-by-controller: yes',
      'Finalizers:    [kubernetes.io/pvc-protection]',
      'Capacity:      1Gi',
      'Access Modes:  RWO',
      'VolumeMode:    Filesystem',
      'Used By:       backup',
      '               web-0',
      'Events:',
      '  Type    Reason                 Age                From                                                                Message',
      '  ----    ------                 ----               ----                                                                -------',
      "  Normal  ExternalProvisioning   61s (x2 over 63s)  persistentvolume-controller                                         Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      '  Normal  ProvisioningSucceeded  60s                rancher.io/local-path_local-path-provisioner-7d4d9bdcc5-2x9zq_1a2b  Successfully provisioned volume pvc-uid-claim',
      '',
    ].join('\n'));
  });

  it('a pending claim shows no capacity or modes; a data source starts its own aligned block', () => {
    const pending = obj({
      apiVersion: 'v1', kind: 'PersistentVolumeClaim',
      metadata: { name: 'restore', namespace: 'default', uid: 'uid-r', annotations: { 'volume.beta.kubernetes.io/storage-class': 'fast' } },
      spec: {
        accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'], resources: { requests: { storage: '2Gi' } }, storageClassName: 'standard',
        dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'snap-1' },
      },
      status: { phase: 'Pending' },
    });
    expect(describeObject(pending, view(), at(10))).toBe([
      'Name:          restore',
      'Namespace:     default',
      'StorageClass:  fast',
      'Status:        Pending',
      'Volume:        ',
      'Labels:        <none>',
      'Annotations:   volume.beta.kubernetes.io/storage-class: fast',
      'Finalizers:    []',
      'Capacity:      ',
      'Access Modes:  ',
      'DataSource:',
      '  APIGroup:  snapshot.storage.k8s.io',
      '  Kind:      VolumeSnapshot',
      '  Name:      snap-1',
      'Used By:     <none>',
      'Events:      <none>',
      '',
    ].join('\n'));
  });

  it('a claim being deleted is Terminating; conditions print with Go zero times when unset', () => {
    const terminating = obj({
      ...boundClaim,
      metadata: { ...boundClaim.metadata, deletionTimestamp: ts(30) },
      status: { ...(boundClaim.status as object), conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: ts(20) }] },
    });
    const text = describeObject(terminating, view([pod('web-0', ['data-web-0'])]), at(75));
    expect(text).toContain('\nStatus:        Terminating (lasts 45s)\n');
    expect(text).toContain('\nUsed By:       web-0\nConditions:\n' +
      // upstream writes `%v \t` (a space before each tab), which widens every column by one
      '  Type       Status  LastProbeTime                     LastTransitionTime                Reason  Message\n' +
      '  ----       ------  -----------------                 ------------------                ------  -------\n' +
      '  Resizing   True    Mon, 01 Jan 0001 00:00:00 +0000   Wed, 01 Jan 2025 09:00:20 +0000           \n' +
      'Events:      <none>\n');
  });

  it('lists a Pod that owns the claim (generic ephemeral volume) once, and a Pod naming it twice twice', () => {
    const owned = obj({ ...boundClaim, metadata: { ...boundClaim.metadata, ownerReferences: [{ kind: 'Pod', name: 'eph', uid: 'uid-eph', apiVersion: 'v1' }] } });
    const text = describeObject(owned, view([pod('eph', []), pod('twice', ['data-web-0', 'data-web-0'])]), at(10));
    expect(text).toContain('Used By:       eph\n               twice\n               twice\n');
  });
});

describe('kubectl describe persistentvolume', () => {
  it('a hostPath volume with node affinity (the terms widen the whole block, as in kubectl)', () => {
    const pv = obj({
      apiVersion: 'v1', kind: 'PersistentVolume',
      metadata: { name: 'pv-data', uid: 'uid-pv', labels: { type: 'local' }, finalizers: ['kubernetes.io/pv-protection'] },
      spec: {
        capacity: { storage: '5Gi' }, accessModes: ['ReadOnlyMany', 'ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'manual', volumeMode: 'Filesystem', hostPath: { path: '/mnt/data', type: 'DirectoryOrCreate' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [
          { key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1', 'node-2'] }, { key: 'disk', operator: 'Exists' }] }] } },
      },
      status: { phase: 'Available' },
    });
    expect(describeObject(pv, view(), at(10))).toBe([
      'Name:              pv-data',
      'Labels:            type=local',
      'Annotations:       <none>',
      'Finalizers:        [kubernetes.io/pv-protection]',
      'StorageClass:      manual',
      'Status:            Available',
      'Claim:             ',
      'Reclaim Policy:    Retain',
      'Access Modes:      RWO,ROX',
      'VolumeMode:        Filesystem',
      'Capacity:          5Gi',
      'Node Affinity:     ',
      '  Required Terms:  ',
      '    Term 0:        kubernetes.io/hostname in [node-1, node-2]',
      '                   disk exists',
      'Message:           ',
      'Source:',
      '    Type:          HostPath (bare host directory volume)',
      '    Path:          /mnt/data',
      '    HostPathType:  DirectoryOrCreate',
      'Events:            <none>',
      '',
    ].join('\n'));
  });

  it('a bound, dynamically provisioned CSI volume with its Events', () => {
    const pv = obj({
      apiVersion: 'v1', kind: 'PersistentVolume',
      metadata: { name: 'pvc-uid-claim', uid: 'uid-pv2', annotations: { 'pv.kubernetes.io/provisioned-by': 'ebs.csi.aws.com' }, finalizers: ['kubernetes.io/pv-protection', 'external-provisioner.volume.kubernetes.io/finalizer'] },
      spec: {
        capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'gp3', volumeMode: 'Filesystem',
        claimRef, csi: { driver: 'ebs.csi.aws.com', fsType: 'ext4', volumeHandle: 'vol-0abc', volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': '1700000000000-8081-ebs.csi.aws.com', b: '2' } },
      },
      status: { phase: 'Bound' },
    });
    const events = [event('p1', 'VolumeFailedDelete', 'error deleting volume', 5, 5, 1, { type: 'Warning', component: 'persistentvolume-controller', involvedObject: { kind: 'PersistentVolume', name: 'pvc-uid-claim', uid: 'uid-pv2' } })];
    expect(describeObject(pv, view([], events), at(65))).toBe([
      'Name:            pvc-uid-claim',
      'Labels:          <none>',
      'Annotations:     pv.kubernetes.io/provisioned-by: ebs.csi.aws.com',
      'Finalizers:      [kubernetes.io/pv-protection external-provisioner.volume.kubernetes.io/finalizer]',
      'StorageClass:    gp3',
      'Status:          Bound',
      'Claim:           default/data-web-0',
      'Reclaim Policy:  Delete',
      'Access Modes:    RWO',
      'VolumeMode:      Filesystem',
      'Capacity:        10Gi',
      'Node Affinity:   <none>',
      'Message:         ',
      'Source:',
      '    Type:              CSI (a Container Storage Interface (CSI) volume source)',
      '    Driver:            ebs.csi.aws.com',
      '    FSType:            ext4',
      '    VolumeHandle:      vol-0abc',
      '    ReadOnly:          false',
      '    VolumeAttributes:      b=2',
      '                           storage.kubernetes.io/csiProvisionerIdentity=1700000000000-8081-ebs.csi.aws.com',
      'Events:',
      '  Type     Reason              Age   From                         Message',
      '  ----     ------              ----  ----                         -------',
      '  Warning  VolumeFailedDelete  60s   persistentvolume-controller  error deleting volume',
      '',
    ].join('\n'));
  });

  it.each([
    [{ local: { path: '/mnt/disks/ssd1' } }, ['    Type:  LocalVolume (a persistent volume backed by local storage on a node)', '    Path:  /mnt/disks/ssd1']],
    [{ hostPath: { path: '/data', type: '' } }, ['    Type:          HostPath (bare host directory volume)', '    Path:          /data', '    HostPathType:  ']],
    [{ nfs: { server: '10.0.0.5', path: '/exports' } }, ['    Type:      NFS (an NFS mount that lasts the lifetime of a pod)', '    Server:    10.0.0.5', '    Path:      /exports', '    ReadOnly:  false']],
    [{ iscsi: { targetPortal: '10.0.0.9:3260', iqn: 'iqn.2001-04.com.example:storage', lun: 0 } }, [
      "    Type:               ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)",
      '    TargetPortal:       10.0.0.9:3260', '    IQN:                iqn.2001-04.com.example:storage', '    Lun:                0', '    ISCSIInterface      ',
      '    FSType:             ', '    ReadOnly:           false', '    Portals:            []', '    DiscoveryCHAPAuth:  false', '    SessionCHAPAuth:    false',
      '    SecretRef:          <nil>', '    InitiatorName:      <none>']],
    [{ flocker: { datasetName: 'd' } }, ['    Type:         Flocker (a Flocker volume mounted by the Flocker agent)', '    DatasetName:  d', '    DatasetUUID:  ']],
    [{}, ['  <unknown>']],
  ])('the Source block of %j', (source, lines) => {
    const pv = obj({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'v', uid: 'u' }, spec: { capacity: { storage: '1Gi' }, ...source }, status: { phase: 'Available' } });
    const text = describeObject(pv, view(), at(0));
    const after = text.slice(text.indexOf('Source:\n') + 'Source:\n'.length).split('\n');
    expect(after.slice(0, lines.length)).toEqual(lines);
  });
});

describe('kubectl describe storageclass', () => {
  it('the default class: annotations inline (last-applied too), parameters, options, topologies', () => {
    const sc = obj({
      apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass',
      metadata: { name: 'standard', uid: 'uid-sc', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
      provisioner: 'rancher.io/local-path', parameters: { type: 'pd-ssd', fsType: 'ext4' }, allowVolumeExpansion: true,
      mountOptions: ['debug', 'nfsvers=4.1'], reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer',
      allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['us-east-1a', 'us-east-1b'] }] }],
    });
    expect(describeObject(sc, view(), at(0))).toBe([
      'Name:                  standard',
      'IsDefaultClass:        Yes',
      'Annotations:           kubectl.kubernetes.io/last-applied-configuration={},storageclass.kubernetes.io/is-default-class=true',
      'Provisioner:           rancher.io/local-path',
      'Parameters:            fsType=ext4,type=pd-ssd',
      'AllowVolumeExpansion:  True',
      'MountOptions:',
      '  debug',
      '  nfsvers=4.1',
      'ReclaimPolicy:      Delete',
      'VolumeBindingMode:  WaitForFirstConsumer',
      'AllowedTopologies:  ',
      '  Term 0:           topology.kubernetes.io/zone in [us-east-1a, us-east-1b]',
      'Events:             <none>',
      '',
    ].join('\n'));
  });

  it('a plain class: <none>, <unset>, and no AllowedTopologies line when unset', () => {
    const sc = obj({
      apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'slow', uid: 'uid-slow' },
      provisioner: 'kubernetes.io/no-provisioner', reclaimPolicy: 'Retain', volumeBindingMode: 'Immediate',
    });
    expect(describeObject(sc, view(), at(0))).toBe([
      'Name:                  slow',
      'IsDefaultClass:        No',
      'Annotations:           <none>',
      'Provisioner:           kubernetes.io/no-provisioner',
      'Parameters:            <none>',
      'AllowVolumeExpansion:  <unset>',
      'MountOptions:          <none>',
      'ReclaimPolicy:         Retain',
      'VolumeBindingMode:     Immediate',
      'Events:                <none>',
      '',
    ].join('\n'));
  });
});

describe('storage describe helpers', () => {
  it.each([
    [['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'], 'RWO,RWX'],
    [['ReadWriteOncePod', 'ReadOnlyMany'], 'ROX,RWOP'],
    [[], ''],
    [undefined, ''],
  ])('access modes %j → %s', (modes, text) => expect(accessModesText(modes)).toBe(text));

  it.each([
    [{ b: '2', a: '1' }, 'a=1,b=2'],
    [{}, '<none>'],
    [undefined, '<none>'],
  ])('FormatLabels %j → %s', (map, text) => expect(formatLabels(map)).toBe(text));
});
