/** kube-proxy, service-controller (load balancers), traffic-generator, metrics-server. */
import type { Clause, Rule } from './patternTable';

/** `2 Services, 3 endpoints` */
function ruleCounts(text: string): string {
  return text.replace(/^(\d+) Services?, (\d+) endpoints?$/, '$1 个 Service，$2 个端点');
}

/** One changed service port of a kube-proxy sync. */
function proxyChange(text: string): string {
  const state = (s: string) => s
    .replace(/^has no endpoints: REJECT$/, '没有端点：REJECT')
    .replace(/^now (\d+) endpoints?$/, '现有 $1 个端点')
    .replace(/^(\d+) terminating endpoints? still serving$/, '$1 个正在终止的端点仍在提供服务');
  let m: RegExpExecArray | null;
  if ((m = /^(\S+) added, (.+)$/.exec(text))) return `新增 ${m[1]}，${state(m[2])}`;
  if ((m = /^(\S+) removed$/.exec(text))) return `移除 ${m[1]}`;
  if ((m = /^(\d+) more$/.exec(text))) return `另有 ${m[1]} 个`;
  if ((m = /^(\S+) (.+)$/.exec(text))) return `${m[1]} ${state(m[2])}`;
  return text;
}

const OUTCOME: Record<string, string> = { answered: '已应答', failed: '失败', refused: '被拒绝', 'timed out': '超时' };

/** `traffic-1: 30 requests to default/web → web-a 13, web-b 17; 4 refused at X (why)` */
function trafficSecond(text: string, clause: Clause): string {
  const m = /^(\S+): (\d+) requests? to (\S+) → ([\s\S]*)$/.exec(text);
  if (!m) return text;
  const parts = m[4].split(/; (?=\d+ (?:answered|failed|refused|timed out) at )/).map((part) => {
    const f = /^(\d+) (answered|failed|refused|timed out) at (\S+)(?: \(([\s\S]*)\))?$/.exec(part);
    if (!f) return part.split(', ').join('，');
    return `${f[1]} 个在 ${f[3]} 处${OUTCOME[f[2]]}${f[4] ? `（${clause(f[4])}）` : ''}`;
  });
  return `${m[1]}：向 ${m[3]} 发出 ${m[2]} 个请求 → ${parts.join('；')}`;
}

export const networkMessages: Rule[] = [
  [/kube-proxy on (\S+) synced (iptables|ipvs) rules: (\d+ Services?, \d+ endpoints?)(?: \((.+)\))?/,
    (g) => `${g[1]} 上的 kube-proxy 同步了 ${g[2]} 规则：${ruleCounts(g[3])}${g[4] ? `（${g[4].split('; ').map(proxyChange).join('；')}）` : ''}`],
  [/kube-proxy on (\S+) restarted in (iptables|ipvs) mode: (flushed its iptables service chains|removed its IPVS virtual servers and kube-ipvs0 addresses) and (programmed IPVS virtual servers|programmed iptables chains): (\d+ Services?, \d+ endpoints?)/,
    (g) => `${g[1]} 上的 kube-proxy 以 ${g[2]} 模式重启：` +
      (g[3].startsWith('flushed') ? '清空了它的 iptables Service 链' : '移除了它的 IPVS 虚拟服务器和 kube-ipvs0 地址') + '，并' +
      (g[4] === 'programmed IPVS virtual servers' ? '配置了 IPVS 虚拟服务器' : '配置了 iptables 链') + `：${ruleCounts(g[5])}`],
  [/Load balancer for Service (\S+) is ready at (\S+): status\.loadBalancer\.ingress\[0\]\.ip set \(the EXTERNAL-IP column\); traffic to it is forwarded to the Service/,
    'Service {1} 的负载均衡器已就绪，地址为 {2}：已设置 status.loadBalancer.ingress[0].ip（即 EXTERNAL-IP 列）；发往它的流量会转发给该 Service'],
  [/Load balancer of Service (\S+) deleted(?: \(address (.+) back in the pool\))? because (.+); finalizer (\S+) removed/,
    (g, clause) => `Service ${g[1]} 的负载均衡器已删除${g[2] ? `（地址 ${g[2]} 归还到地址池）` : ''}，因为${clause(g[3])}；已移除 finalizer ${g[4]}`],
  [/Service (\S+) no longer has a load balancer: status\.loadBalancer cleared/, 'Service {1} 不再有负载均衡器：已清空 status.loadBalancer'],
  [/Service (\S+) wants a load balancer: finalizer (\S+) added so the Service cannot be removed before its load balancer is, and the cloud starts building one/,
    'Service {1} 需要一个负载均衡器：已添加 finalizer {2}，使该 Service 不能先于其负载均衡器被删除，云平台开始创建负载均衡器'],
  // traffic: one sentence per generator, joined with " · "
  [/traffic-\d+: \d+ requests? to [\s\S]+/, (g, clause) => g[0].split(' · ').map((s) => trafficSecond(s, clause)).join(' · ')],
  [/No requests this second: Pod traffic counters back to 0/, '这一秒没有请求：Pod 的流量计数器归 0'],
  [/metrics-server scraped (\d+) kubelets? \((\d+)s window\): (\d+) Pods? reported(?: — (.+?))?(?:; (\d+) no longer running)?/,
    (g) => `metrics-server 抓取了 ${g[1]} 个 kubelet（${g[2]}s 窗口）：报告了 ${g[3]} 个 Pod` +
      (g[4] ? ` — ${g[4].split('; ').map((p) => p.replace(/^(\d+) more$/, '另有 $1 个')).join('；')}` : '') +
      (g[5] ? `；${g[5]} 个已不再运行` : '')],
];

export const networkClauses: Rule[] = [
  [/the Service is being deleted/, 'Service 正在被删除'],
  [/the Service is now of type (\S+)/, 'Service 的类型现在是 {1}'],
  // why requests failed
  [/no Pod holds (\S+) any more/, '已没有 Pod 持有 {1}'],
  [/nothing in the cluster answers at (\S+)/, '集群中没有谁在 {1} 应答'],
  [/Pod (\S+) is terminating: its server no longer accepts connections/, 'Pod {1} 正在终止：它的服务器不再接受连接'],
  [/Pod (\S+) has (failed|succeeded): its network namespace is gone/, 'Pod {1} 已 {2}：它的网络命名空间已不存在'],
  [/connection refused: nothing listens on (\S+) in Pod (\S+)/, '连接被拒绝：Pod {2} 中没有进程监听 {1}'],
  [/services ("[^"]*") not found: the name no longer resolves/, 'services {1} not found：该名称已无法解析'],
  [/kube-proxy on (\S+) has not programmed any rules/, '{1} 上的 kube-proxy 还没有配置任何规则'],
  [/no rule matches (\S+)/, '没有规则匹配 {1}'],
  [/(\S+) has no local endpoints/, '{1} 没有本地端点'],
  [/(\S+) has no endpoints/, '{1} 没有端点'],
  [/(\S+) traffic not accepted by (\S+)/, '{1} 的流量未被 {2} 接受'],
  [/(\S+) has no rules/, '{1} 没有规则'],
];

