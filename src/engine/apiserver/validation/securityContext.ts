/**
 * Container and pod security contexts: user/group ids, seccomp and AppArmor profile types,
 * the privileged / allowPrivilegeEscalation conflict.
 * upstream: pkg/apis/core/validation/validation.go (ValidateSecurityContext, validatePodSpecSecurityContext)
 */
import { type FieldError, invalid, notSupported, required } from '../errors';
import { goOpaque } from './goTypes';
import { inclusiveRangeError } from './strings';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const MAX_ID = 4294967295;
const PROFILE_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];

function idRange(value: unknown, field: string): FieldError[] {
  return typeof value === 'number' && (value < 0 || value > MAX_ID) ? [invalid(field, value, inclusiveRangeError(0, MAX_ID))] : [];
}

function profile(p: Obj | undefined, field: string, what: 'seccomp' | 'AppArmor'): FieldError[] {
  if (!p || typeof p !== 'object') return [];
  if (!p.type) return [required(`${field}.type`, `type is required when ${what === 'seccomp' ? 'seccompProfile' : 'appArmorProfile'} is set`)];
  if (!PROFILE_TYPES.includes(p.type)) return [notSupported(`${field}.type`, p.type, PROFILE_TYPES)];
  if (p.type === 'Localhost' && !p.localhostProfile) {
    return [required(`${field}.localhostProfile`, `must be set when ${what} type is Localhost`)];
  }
  return [];
}

export function validateSecurityContext(sc: Obj | undefined, path: string): FieldError[] {
  if (!sc || typeof sc !== 'object') return [];
  const errs = [...idRange(sc.runAsUser, `${path}.runAsUser`), ...idRange(sc.runAsGroup, `${path}.runAsGroup`)];
  if (sc.procMount != null && sc.procMount !== 'Default' && sc.procMount !== 'Unmasked') {
    errs.push(notSupported(`${path}.procMount`, sc.procMount, ['Default', 'Unmasked']));
  }
  errs.push(...profile(sc.seccompProfile, `${path}.seccompProfile`, 'seccomp'));
  if (sc.allowPrivilegeEscalation === false && sc.privileged === true) {
    errs.push(invalid(path, goOpaque('core.SecurityContext'), 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
  }
  errs.push(...profile(sc.appArmorProfile, `${path}.appArmorProfile`, 'AppArmor'));
  return errs;
}

export function validatePodSecurityContext(sc: Obj | undefined, path: string): FieldError[] {
  if (!sc || typeof sc !== 'object') return [];
  const errs = [...idRange(sc.fsGroup, `${path}.fsGroup`), ...idRange(sc.runAsUser, `${path}.runAsUser`),
    ...idRange(sc.runAsGroup, `${path}.runAsGroup`)];
  (Array.isArray(sc.supplementalGroups) ? sc.supplementalGroups : []).forEach((g: unknown, i: number) => {
    errs.push(...idRange(g, `${path}.supplementalGroups[${i}]`));
  });
  if (sc.fsGroupChangePolicy != null && sc.fsGroupChangePolicy !== 'OnRootMismatch' && sc.fsGroupChangePolicy !== 'Always') {
    errs.push(notSupported(`${path}.fsGroupChangePolicy`, sc.fsGroupChangePolicy, ['Always', 'OnRootMismatch']));
  }
  errs.push(...profile(sc.seccompProfile, `${path}.seccompProfile`, 'seccomp'));
  errs.push(...profile(sc.appArmorProfile, `${path}.appArmorProfile`, 'AppArmor'));
  return errs;
}
