/**
 * `kubectl rollout undo|pause|resume|restart <kind>/<name>`, with kubectl's output and errors.
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/rollout/{undo,pause,resume,restart}.go and
 * polymorphichelpers/{rollback,objectpauser,objectresumer,objectrestarter}.go
 */
import type { CommandResult, KubeObject, RolloutAction } from '../api';
import type { KindInfo } from '../apiserver/kinds';
import { kubectlName, resourceName } from '../apiserver/messages';
import { timestamp } from '../core/time';
import { rollbackDeployment } from '../controllers/deployment/rollback';
import type { DeploymentObject } from '../controllers/deployment/types';
import type { ReconcileContext } from '../controllers/types';
import { clone, controllerOf, deepEqual } from '../util/objects';
import { matchesSelector } from '../util/selectors';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

type TemplateOwner = KubeObject & { spec: { template?: { metadata?: { annotations?: Record<string, string> } };
  paused?: boolean; selector?: Parameters<typeof matchesSelector>[0] } };

const HAS_TEMPLATE_HISTORY = new Set(['StatefulSet', 'DaemonSet']);

export function rollout(ctx: ReconcileContext, action: RolloutAction, info: KindInfo, obj: KubeObject,
  options: { toRevision?: number }): CommandResult {
  const printed = kubectlName(info, obj.metadata.name);
  // kubectl: `error: deployments.apps "web" is already paused`
  const refuse = (why: string): CommandResult =>
    ({ ok: false, message: `error: ${resourceName(info)} "${obj.metadata.name}" ${why}` });
  const target = obj as TemplateOwner;
  switch (action) {
    case 'undo':
      if (info.kind === 'Deployment') return rollbackDeployment(ctx, obj as DeploymentObject, options.toRevision ?? 0, printed);
      if (HAS_TEMPLATE_HISTORY.has(info.kind)) return rollbackFromHistory(ctx, target, options.toRevision ?? 0, printed);
      return { ok: false, message: `error: no rollbacker has been implemented for "${info.kind}${info.group ? `.${info.group}` : ''}"` };
    case 'pause':
      if (info.kind !== 'Deployment') return refuse('pausing is not supported');
      if (target.spec.paused) return refuse('is already paused');
      return write(ctx, target, (next) => { next.spec.paused = true; }, printed, 'paused',
        'spec.paused=true: the controller only scales now, and template changes wait until resume');
    case 'resume':
      if (info.kind !== 'Deployment') return refuse('resuming is not supported');
      if (!target.spec.paused) return refuse('is not paused');
      return write(ctx, target, (next) => { delete next.spec.paused; }, printed, 'resumed',
        'spec.paused removed: template changes made while paused roll out now, as one new ReplicaSet');
    case 'restart':
      return restart(ctx, info, target, printed, refuse);
  }
}

function write(ctx: ReconcileContext, obj: TemplateOwner, change: (next: TemplateOwner) => void, printed: string,
  verb: string, why: string): CommandResult {
  const next = clone(obj);
  change(next);
  const result = ctx.update(next, `${printed} ${verb}: ${why}`);
  return result.ok ? { ok: true, message: `${printed} ${verb}` } : { ok: false, message: `Error from server: ${result.message}` };
}

/** A new template annotation with the current time makes a new template, so a rollout replaces every Pod. */
function restart(ctx: ReconcileContext, info: KindInfo, obj: TemplateOwner, printed: string,
  refuse: (why: string) => CommandResult): CommandResult {
  if (info.kind !== 'Deployment' && !HAS_TEMPLATE_HISTORY.has(info.kind)) return refuse('restarting is not supported');
  if (info.kind === 'Deployment' && obj.spec.paused) return refuse("can't restart paused deployment (run rollout resume first)");
  const now = timestamp(ctx.now);
  if (obj.spec.template?.metadata?.annotations?.[RESTARTED_AT] === now) {
    return { ok: false, message: `error: failed to create patch for ${obj.metadata.name}: if restart has already been ` +
      'triggered within the past second, please wait before attempting to trigger another' };
  }
  return write(ctx, obj, (next) => {
    const template = (next.spec.template ??= {});
    template.metadata = { ...(template.metadata ?? {}),
      annotations: { ...(template.metadata?.annotations ?? {}), [RESTARTED_AT]: now } };
  }, printed, 'restarted', `the Pod template annotation ${RESTARTED_AT}=${now} changes the template, so every Pod is replaced`);
}

interface RevisionRecord { rev: number; template: unknown }

/** The StatefulSet's or DaemonSet's ControllerRevisions, as (revision, template) pairs, lowest first. */
function templateHistory(ctx: ReconcileContext, obj: TemplateOwner): RevisionRecord[] {
  return ctx.list('ControllerRevision', obj.metadata.namespace)
    .filter((h) => controllerOf(h)?.uid === obj.metadata.uid && matchesSelector(obj.spec.selector, h.metadata.labels))
    .map((h) => {
      const data = (h as { data?: { spec?: { template?: Record<string, unknown> } } }).data;
      const template = data?.spec?.template ? { ...data.spec.template } : undefined;
      if (template) delete template.$patch;
      return { rev: Number((h as { revision?: number }).revision ?? 0), template };
    })
    .sort((a, b) => a.rev - b.rev);
}

/**
 * kubectl's StatefulSetRollbacker / DaemonSetRollbacker: the revision's data is a patch that
 * replaces spec.template; undo without --to-revision takes the second-highest revision.
 */
function rollbackFromHistory(ctx: ReconcileContext, obj: TemplateOwner, toRevision: number, printed: string): CommandResult {
  const notFound = { ok: false, message: `error: unable to find specified revision ${toRevision} in history` };
  if (toRevision < 0) return notFound;
  const history = templateHistory(ctx, obj);
  if (toRevision === 0 && history.length <= 1) return { ok: false, message: 'error: no last revision to roll back to' };
  const to = toRevision === 0 ? history[history.length - 2] : history.find((h) => h.rev === toRevision);
  if (!to) return notFound;
  if (!to.template) return { ok: false, message: `error: failed restoring revision ${toRevision}: the revision holds no Pod template` };
  if (deepEqual(to.template, obj.spec.template)) {
    return { ok: true, message: `${printed} skipped rollback (current template already matches revision ${toRevision})` };
  }
  return write(ctx, obj, (next) => { next.spec.template = clone(to.template) as TemplateOwner['spec']['template']; },
    printed, 'rolled back', `the Pod template of revision ${to.rev} (its ControllerRevision) is restored`);
}
