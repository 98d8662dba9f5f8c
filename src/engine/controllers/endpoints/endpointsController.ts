import type { KubeObject } from '../../api';
import { keyOf } from '../../util/objects';
import { mapService } from '../endpointslice/endpointSliceController';
import { servicesForPodChange } from '../endpointslice/podServices';
import type { Controller, StoreReader, WatchSpec } from '../types';
import { syncEndpoints } from './syncEndpoints';

/** upstream onEndpointsDelete: Endpoints deleted behind the controller's back are recreated. */
function mapEndpoints(ep: KubeObject, old: KubeObject | undefined, lister: StoreReader): string[] {
  const deleted = old === undefined && lister.get('Endpoints', ep.metadata.name, ep.metadata.namespace)?.metadata.uid !== ep.metadata.uid;
  return deleted ? [keyOf(ep)] : [];
}

const watches: WatchSpec[] = [
  { kind: 'Service', map: mapService },
  { kind: 'Pod', map: servicesForPodChange },
  { kind: 'Endpoints', map: mapEndpoints },
];

/**
 * endpoint-controller: the legacy v1 Endpoints object of every Service with a selector (same name
 * as the Service): selected Pods' IPs as ready `addresses` or `notReadyAddresses`, per port.
 */
export const endpointsController: Controller = {
  name: 'endpoint-controller',
  watches,
  reconcile: syncEndpoints,
};
