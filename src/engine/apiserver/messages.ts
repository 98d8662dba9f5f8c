import { kindInfo, type KindInfo } from './kinds';

/** `pods`, `deployments.apps`: how the API server names a resource in its messages. */
export function resourceName(info: KindInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

/** `pods "web" not found` */
export function notFoundMessage(kind: string, name: string): string {
  const info = kindInfo(kind);
  return `${info ? resourceName(info) : kind.toLowerCase()} "${name}" not found`;
}

/** `deployment.apps/web`: how kubectl names an object in its output. */
export function kubectlName(info: KindInfo, name: string): string {
  const singular = info.kind.toLowerCase();
  return `${info.group ? `${singular}.${info.group}` : singular}/${name}`;
}
