/**
 * The user's commands (actor kubectl or user): apply, delete, scale, rollout, suspend, proxy mode,
 * traffic generators; the cluster's bootstrap; the recorder's fallback wording of a Step.
 */
import type { Rule } from './patternTable';

const APPLIED: Record<string, string> = { created: '已创建', configured: '已配置', unchanged: '未变更' };

export const kubectlMessages: Rule[] = [
  [/Cluster created: control plane up, (\d+) worker Nodes? joined/, '集群已创建：控制平面已启动，{1} 个工作 Node 已加入'],
  // kubectl apply, one Step per object: `deployment.apps/web created`
  [/([a-z][a-z0-9.]*\/\S+) (created|configured|unchanged)/, (g) => `${g[1]} ${APPLIED[g[2]]}`],
  // kubectl delete: `deployment.apps "web" deleted`, and a Node with Pods still bound
  [/([a-z][a-z0-9.]*) ("[^"]*") deleted: its (\d+) Pods? stay bound to it until PodGC force-deletes them \((\d+)s\)/,
    '{1} {2} 已删除：它上面的 {3} 个 Pod 仍绑定在它上面，直到 PodGC 将它们强制删除（{4}s）'],
  [/([a-z][a-z0-9.]*) ("[^"]*") deleted/, '{1} {2} 已删除'],
  [/([a-z][a-z0-9.]*\/\S+) scaled from (\d+) to (\d+)/, '{1} 从 {2} 扩缩到 {3}'],
  [/([a-z][a-z0-9.]*\/\S+) paused: spec\.paused=true: the controller only scales now, and template changes wait until resume/,
    '{1} 已暂停：spec.paused=true：控制器现在只做扩缩容，模板的变更要等到恢复（resume）后才生效'],
  [/([a-z][a-z0-9.]*\/\S+) resumed: spec\.paused removed: template changes made while paused roll out now, as one new ReplicaSet/,
    '{1} 已恢复：移除了 spec.paused：暂停期间所做的模板变更现在作为一个新的 ReplicaSet 上线'],
  [/([a-z][a-z0-9.]*\/\S+) restarted: the Pod template annotation (\S+)=(\S+) changes the template, so every Pod is replaced/,
    '{1} 已重启：Pod 模板注解 {2}={3} 改变了模板，因此每个 Pod 都会被替换'],
  [/([a-z][a-z0-9.]*\/\S+) rolled back to revision (\d+): kubectl copies the Pod template of ReplicaSet (\S+) \(without its pod-template-hash label\) into the Deployment/,
    '{1} 已回滚到修订版本 {2}：kubectl 把 ReplicaSet {3} 的 Pod 模板（去掉其 pod-template-hash 标签）复制到 Deployment 中'],
  [/([a-z][a-z0-9.]*\/\S+) rolled back: the Pod template of revision (\d+) \(its ControllerRevision\) is restored/,
    '{1} 已回滚：恢复了修订版本 {2} 的 Pod 模板（来自其 ControllerRevision）'],
  [/([a-z][a-z0-9.]*\/\S+) (suspended|resumed)/, (g) => `${g[1]} ${g[2] === 'suspended' ? '已暂停（suspend）' : '已恢复（resume）'}`],
  [/Set kube-proxy mode to (\S+) in ConfigMap kube-system\/kube-proxy/, '将 ConfigMap kube-system/kube-proxy 中的 kube-proxy 模式设置为 {1}'],
  [/Started (traffic-\d+): ([\d.]+) requests?\/s to Service (\S+) port (\S+(?: \(\S+\))?) via (\S+)(?: (from|into) (any running Pod|any Node|Pod \S+|Node \S+))?/,
    (g) => `启动了 ${g[1]}：每秒 ${g[2]} 个请求，经 ${g[5]} 发往 Service ${g[3]} 的端口 ${g[4].replace(/ \((\S+)\)$/, '（$1）')}` + (g[7] === undefined ? ''
      : g[7] === 'any running Pod' ? '，来自任意一个运行中的 Pod'
        : g[7] === 'any Node' ? '，从任意一个 Node 进入'
          : g[6] === 'into' ? `，从 ${g[7]} 进入` : `，来自 ${g[7]}`)],
  [/Stopped (traffic-\d+) \((\S+)\)/, '停止了 {1}（{2}）'],
  // a reconcile that threw: a programming fault, its text stays as it is
  [/Error syncing ("[^"]*"): ([\s\S]*)/, '同步 {1} 时出错：{2}'],
];

/**
 * The recorder's wording of a Step whose writes carried no message: never tried on a clause, since
 * the last one would read any `Word: text` as an Event.
 */
export const fallbackMessages: Rule[] = [
  [/(Created|Updated|Deleted) ([A-Z]\w*) (\S+)/, (g) => `${{ Created: '创建了', Updated: '更新了', Deleted: '删除了' }[g[1]]} ${g[2]} ${g[3]}`],
  [/Updated the container runtime/, '更新了容器运行时'],
  // the recorder's fallback when a Step only emitted Events: `Reason: message`, the message as upstream words it
  [/([A-Z][A-Za-z]+): ([\s\S]+)/, '事件 {1}：{2}'],
];
