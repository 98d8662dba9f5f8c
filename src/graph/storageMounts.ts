/**
 * Inside a Pod card: its volumes under the containers, and a line from each volume to every
 * container that mounts it, labelled with the mount path. A volume mounted once takes one row
 * (the mount on the same row); a volume mounted more than once (an emptyDir two containers share)
 * takes a header row and one row per mount, so the sharing is visible. Geometry in flow px, from
 * the top of the Pod card (the rows are the fixed heights of layout.ts).
 */
import { CONTAINER_ROW, POD_HEADER, SANDBOX_ROW, VOLUME_ROW } from './layout';
import { englishT, type Translate } from '../i18n/translate';
import type { PodData, VolumeData } from './types';

export interface MountLine {
  volume: string;
  container: string;
  path: string;
  readOnly: boolean;
  /** `/data`, `/etc/app (ro)`. */
  label: string;
  /** Centre of the row it leaves from (the volume's row, or its own mount row). */
  fromY: number;
  /** Centre of the container row it ends at. */
  toY: number;
  /** 0 = the lane nearest the rows; lines lower in the card take outer lanes, so they do not cross. */
  lane: number;
  /** `volume data mounted by container app at /data, read-only`. */
  ariaLabel: string;
}

export interface VolumeRowView {
  volume: VolumeData;
  /** `emptyDir`, `configMap`, `persistentVolumeClaim`, … (the source's type). */
  type: string;
  /** The source after its type: the ConfigMap, Secret or claim name, the host path. */
  target: string;
  top: number;
  /** Its header row's centre (where edges to its ConfigMap, Secret or claim attach). */
  centerY: number;
  rows: number;
  /** Mounted by two or more containers. */
  shared: boolean;
  /** Mounts drawn on their own rows (none when the volume is mounted at most once). */
  mountRows: MountLine[];
  lines: MountLine[];
  /** `volume data (emptyDir), mounted by 2 containers`. */
  ariaLabel: string;
}

export interface PodMounts {
  volumes: VolumeRowView[];
  lines: MountLine[];
  /** Lanes the lines need on the right of the rows. */
  lanes: number;
}

/** Rows (VOLUME_ROW each) a volume takes. */
function rowsOf(v: VolumeData): number {
  return v.mounts.length > 1 ? 1 + v.mounts.length : 1;
}

/** Rows of VOLUME_ROW height the volumes of a Pod take (what the layout sizes the card by). */
export function volumeRowCount(volumes: readonly VolumeData[]): number {
  return volumes.reduce((n, v) => n + rowsOf(v), 0);
}

/** Top of the row of the i-th container (init containers first, as the card draws them). */
export function containerRowTop(index: number): number {
  return POD_HEADER + SANDBOX_ROW + index * CONTAINER_ROW;
}

function volumeLabel(v: VolumeData, t: Translate): string {
  const containers = new Set(v.mounts.map((m) => m.container)).size;
  const mounted = containers === 0 ? t('graph.volumeNotMounted') : t('graph.volumeMountedBy', { count: containers });
  return t('graph.volume', { name: v.name, source: v.source, mounted });
}

/** The volume rows and mount lines of a Pod card; `t` words the accessible names (English by default). */
export function podMounts(pod: Pick<PodData, 'initContainers' | 'containers' | 'volumes'>, t: Translate = englishT): PodMounts {
  const order = [...pod.initContainers, ...pod.containers].map((c) => c.name);
  let y = containerRowTop(order.length);
  const volumes: VolumeRowView[] = [];
  const lines: MountLine[] = [];
  for (const v of pod.volumes) {
    const rows = rowsOf(v);
    const space = v.source.indexOf(' ');
    const view: VolumeRowView = {
      volume: v,
      type: space < 0 ? v.source : v.source.slice(0, space),
      target: space < 0 ? '' : v.source.slice(space + 1),
      top: y,
      centerY: y + VOLUME_ROW / 2,
      rows,
      shared: new Set(v.mounts.map((m) => m.container)).size > 1,
      mountRows: [],
      lines: [],
      ariaLabel: volumeLabel(v, t),
    };
    v.mounts.forEach((m, i) => {
      const index = order.indexOf(m.container);
      if (index < 0) return;
      const fromY = rows === 1 ? view.centerY : y + (i + 1) * VOLUME_ROW + VOLUME_ROW / 2;
      const line: MountLine = {
        volume: v.name, container: m.container, path: m.path, readOnly: m.readOnly,
        label: `${m.path}${m.readOnly ? ' (ro)' : ''}`, // i18n-data: kubectl describe's notation of a read-only mount
        fromY, toY: containerRowTop(index) + CONTAINER_ROW / 2, lane: lines.length,
        ariaLabel: m.readOnly
          ? t('graph.mountReadOnly', { name: v.name, container: m.container, path: m.path })
          : t('graph.mount', { name: v.name, container: m.container, path: m.path }),
      };
      view.lines.push(line);
      if (rows > 1) view.mountRows.push(line);
      lines.push(line);
    });
    volumes.push(view);
    y += rows * VOLUME_ROW;
  }
  spreadArrivals(lines);
  return { volumes, lines, lanes: lines.length };
}

/** Lines ending at the same container arrive a few px apart, so each arrow stays visible. */
function spreadArrivals(lines: MountLine[]): void {
  const byContainer = new Map<string, MountLine[]>();
  for (const l of lines) byContainer.set(l.container, [...(byContainer.get(l.container) ?? []), l]);
  for (const group of byContainer.values()) {
    if (group.length < 2) continue;
    const step = Math.min(4, (CONTAINER_ROW - 10) / (group.length - 1));
    group.forEach((l, i) => { l.toY += (i - (group.length - 1) / 2) * step; });
  }
}

/**
 * Handle ids on a Pod card: where edges from a ConfigMap, Secret or claim meet a volume or a
 * container, on the card's right edge or (`left`) its left edge, whichever faces the other card.
 */
export function volumeHandleId(volume: string, side: 'left' | 'right' = 'right'): string {
  return `vol:${volume}${side === 'left' ? ':left' : ''}`;
}

export function containerHandleId(container: string, side: 'left' | 'right' = 'right'): string {
  return `ctr:${container}${side === 'left' ? ':left' : ''}`;
}
