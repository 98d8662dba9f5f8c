/** The `Volumes:` section of `kubectl describe pod` (upstream kubectl `describeVolumes`). */
import type { Volume } from 'kubernetes-types/core/v1';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './tabWriter';
import { boolPtr } from './describeFields';
import { quantityText } from './quantityText';

function describeProjected(v: NonNullable<Volume['projected']>, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const s of v.sources ?? []) {
    if (s.secret) {
      w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${boolPtr(s.secret.optional)}\n`);
    } else if (s.downwardAPI) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (s.configMap) {
      w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${boolPtr(s.configMap.optional)}\n`);
    } else if (s.serviceAccountToken) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`);
    }
  }
}

/** The lines of one volume source, or false when describe has no printer for it. */
function describeSource(v: Volume, w: PrefixWriter): boolean {
  if (v.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n` +
      `    HostPathType:\t${v.hostPath.type || '<none>'}\n`);
  } else if (v.emptyDir) {
    const size = v.emptyDir.sizeLimit !== undefined && quantityText(v.emptyDir.sizeLimit) !== '0'
      ? quantityText(v.emptyDir.sizeLimit) : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n` +
      `    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`);
  } else if (v.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n` +
      `    Optional:\t${v.secret.optional === true}\n`);
  } else if (v.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n` +
      `    Optional:\t${v.configMap.optional === true}\n`);
  } else if (v.persistentVolumeClaim) {
    w.write(LEVEL_2, 'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n' +
      `    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`);
  } else if (v.projected) {
    describeProjected(v.projected, w);
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (v.ephemeral) {
    w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
  } else if (v.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server}\n` +
      `    Path:\t${v.nfs.path}\n    ReadOnly:\t${v.nfs.readOnly === true}\n`);
  } else {
    return false;
  }
  return true;
}

/** `space` = '  ' inside a Pod template, as upstream indents it there. */
export function describeVolumes(volumes: Volume[] | undefined, w: PrefixWriter, space = ''): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    if (!describeSource(v, w)) w.write(LEVEL_1, '<unknown>\n');
  }
}
