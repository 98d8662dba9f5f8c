/**
 * The storage actors of the control plane: the PV controller, the protection controllers, the
 * attach/detach controller, the ephemeral volume controller and the external provisioner kind runs
 * (rancher.io/local-path).
 */
import type { Controller } from '../types';
import { attachDetachController } from './attachDetachController';
import { ephemeralVolumeController } from './ephemeralVolumeController';
import { localPathProvisioner } from './localPathProvisioner';
import { persistentVolumeController } from './persistentVolumeController';
import { pvcProtectionController, pvProtectionController } from './protection';

export const volumeControllers: readonly Controller[] = [
  persistentVolumeController,
  pvcProtectionController,
  pvProtectionController,
  localPathProvisioner,
  attachDetachController,
  ephemeralVolumeController,
];
