import type { Condition, Lesson } from '../types';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          image: registry.k8s.io/e2e-test-images/agnhost:2.39
          args: ["netexec", "--http-port=8080"]
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
`;

const DEBUG_POD = `apiVersion: v1
kind: Pod
metadata:
  name: debug
  labels:
    app: web
spec:
  containers:
    - name: shell
      image: busybox:1.36
      command: ["sh", "-c", "sleep 3600"]
`;

const slices = { kind: 'EndpointSlice', selector: { 'kubernetes.io/service-name': 'web' } };
const endpoints = (n: number): Condition => ({ values: slices, path: 'endpoints.length', equals: [n] });
const RULES = { table: 'kube-proxy/node-1', key: 'rules' };
const clusterEndpoints = (n: number): Condition => ({ ...RULES, path: 'model.services[name=default/web].clusterEndpoints', length: { equals: n } });
const clusterIP = { object: { kind: 'Service', name: 'web' }, path: 'spec.clusterIP' };
const lastSecond = (path: string) => ({ table: 'traffic/requests', key: 'traffic-1', path });

export const serviceDiscovery: Lesson = {
  id: 'service-discovery',
  chapter: 5,
  title: { en: 'Service, label selectors and kube-proxy', zh: 'Service、标签选择器与 kube-proxy' },
  summary: {
    en: 'A Service selects Pods by label; EndpointSlices list their IPs; kube-proxy turns them into iptables or IPVS rules on every Node; DNS gives the Service a name.',
    zh: 'Service 通过标签选择 Pod；EndpointSlice 列出它们的 IP；kube-proxy 在每个 Node 上把它们变成 iptables 或 IPVS 规则；DNS 给 Service 一个名字。',
  },
  stages: [
    {
      text: {
        en: 'Pods come and go with new IPs. A Service gives them one stable address: a ClusterIP and a port.\n\nHere 3 Pods of agnhost serve HTTP on 8080, and a Service web on port 80 selects app=web.',
        zh: 'Pod 来来去去，IP 也随之改变。Service 为它们提供一个稳定的地址：一个 ClusterIP 和一个端口。\n\n这里有 3 个 agnhost Pod 在 8080 端口提供 HTTP 服务，Service web 在 80 端口选择 app=web。',
      },
      apply: APP,
      runUntil: { allOf: [{ object: { kind: 'Deployment', name: 'web' }, path: 'status.availableReplicas', equals: 3 }, clusterEndpoints(3)] },
      pause: true,
      predict: {
        question: { en: 'How many endpoints does the Service\'s EndpointSlice list?', zh: 'Service 的 EndpointSlice 列出了几个端点？' },
        choices: [
          { en: 'None: endpoints are added by hand', zh: '没有：端点需要手动添加' },
          { en: 'One: the Deployment', zh: '一个：那个 Deployment' },
          { en: 'Three: the IP:8080 of each ready Pod matching app=web', zh: '三个：每个匹配 app=web 且就绪的 Pod 的 IP:8080' },
        ],
        answer: 2,
        check: [endpoints(0), endpoints(1), endpoints(3)],
        why: {
          en: 'The EndpointSlice controller watches Pods and Services and writes the addresses of the Pods the selector matches, with their readiness.',
          zh: 'EndpointSlice 控制器监视 Pod 和 Service，把选择器匹配到的 Pod 地址及其就绪状态写进去。',
        },
      },
    },
    {
      text: {
        en: 'kube-proxy on every Node turns Services and EndpointSlices into packet rules. In iptables mode, the ClusterIP jumps to a KUBE-SVC-… chain with one rule per endpoint, each leading to a KUBE-SEP-… chain that DNATs to a Pod.\n\nSelect node-1 and open its rules in the inspector to read them.',
        zh: '每个 Node 上的 kube-proxy 把 Service 和 EndpointSlice 变成数据包规则。在 iptables 模式下，ClusterIP 跳到 KUBE-SVC-… 链，每个端点一条规则，各自指向一条做 DNAT 到 Pod 的 KUBE-SEP-… 链。\n\n选中 node-1，在检查器里打开它的规则查看。',
      },
      pause: true,
      predict: {
        question: { en: 'With 3 endpoints, which probabilities do the rules of the KUBE-SVC chain carry, in order?', zh: '有 3 个端点时，KUBE-SVC 链中的规则依次带着什么概率？' },
        choices: [
          { en: '1/3, 1/3, 1/3', zh: '1/3、1/3、1/3' },
          { en: '1/3, then 1/2, then none: the last rule takes whatever is left', zh: '1/3，然后 1/2，最后一条没有概率：剩下的全归它' },
          { en: 'None: iptables sends requests round-robin', zh: '没有概率：iptables 轮询发送请求' },
        ],
        answer: 1,
        check: [
          { ...RULES, path: 'text', matches: '(--probability 0\\.33333333349 -j KUBE-SEP-\\S+\\n[\\s\\S]*){3}' },
          { ...RULES, path: 'text', matches: '"default/web -> [^"]+" -m statistic --mode random --probability 0\\.33333333349 -j KUBE-SEP-\\S+\\n[^\\n]*"default/web -> [^"]+" -m statistic --mode random --probability 0\\.50000000000 -j KUBE-SEP-\\S+\\n[^\\n]*"default/web -> [^"]+" -j KUBE-SEP-' },
          { not: { ...RULES, path: 'text', contains: '--mode random' } },
        ],
        why: {
          en: 'Rule i matches with probability 1/(n−i): 1/3 of all, then 1/2 of the remaining 2/3, then the rest — each Pod gets 1/3.',
          zh: '第 i 条规则的概率是 1/(n−i)：先取全部的 1/3，再取剩下 2/3 中的 1/2，最后是余下的——每个 Pod 都得到 1/3。',
        },
      },
    },
    {
      text: {
        en: 'Clients find the Service by name. Every Pod\'s /etc/resolv.conf points at the cluster DNS with the search path default.svc.cluster.local svc.cluster.local cluster.local.',
        zh: '客户端通过名字找到 Service。每个 Pod 的 /etc/resolv.conf 指向集群 DNS，搜索路径是 default.svc.cluster.local svc.cluster.local cluster.local。',
      },
      pause: true,
      predict: {
        question: { en: 'A Pod in the default namespace looks up `web`. What does DNS answer?', zh: 'default 命名空间里的一个 Pod 查询 `web`，DNS 返回什么？' },
        choices: [
          { en: 'The three Pod IPs', zh: '三个 Pod 的 IP' },
          { en: 'Nothing: a Pod must ask for web.default.svc.cluster.local', zh: '什么都没有：Pod 必须查询 web.default.svc.cluster.local' },
          { en: 'One A record: the Service\'s ClusterIP', zh: '一条 A 记录：Service 的 ClusterIP' },
        ],
        answer: 2,
        check: [
          { dns: { name: 'web' }, path: 'answers', length: { equals: 3 } },
          { dns: { name: 'web' }, path: 'rcode', equals: 'NXDOMAIN' },
          { allOf: [{ dns: { name: 'web' }, path: 'answers', length: { equals: 1 } }, { dns: { name: 'web' }, path: 'answers[0].data', sameAs: clusterIP }] },
        ],
        why: {
          en: 'The search path expands `web` to web.default.svc.cluster.local, whose A record is the ClusterIP (only headless Services answer with Pod IPs).',
          zh: '搜索路径把 `web` 展开成 web.default.svc.cluster.local，它的 A 记录就是 ClusterIP（只有 headless Service 才返回 Pod IP）。',
        },
      },
    },
    {
      text: {
        en: 'A Service selects by labels only. Someone starts a debugging Pod, debug (busybox, nothing listening on 8080), and copies the label app=web onto it.\n\nThen 40 requests per second go to the Service from the Pods.',
        zh: 'Service 只按标签选择。有人启动了一个调试用的 Pod debug（busybox，8080 端口上没有任何程序监听），还把 app=web 标签也复制了上去。\n\n然后每秒有 40 个请求从各个 Pod 发往这个 Service。',
      },
      apply: DEBUG_POD,
      commands: [{ type: 'startTraffic', spec: { service: 'web', ratePerSecond: 40 } }],
      runUntil: { ms: 10_000 },
      pause: true,
      predict: {
        question: { en: 'What happens to the requests?', zh: '这些请求会怎样？' },
        choices: [
          { en: 'All succeed: the Service only sends traffic to the Deployment\'s Pods', zh: '全部成功：Service 只把流量发给 Deployment 的 Pod' },
          { en: 'About one in four is refused: debug became a fourth endpoint, and nothing listens there', zh: '大约四分之一被拒绝：debug 成了第四个端点，而那里没有程序监听' },
        ],
        answer: 1,
        check: [
          { allOf: [endpoints(3), { not: lastSecond('outcomes.refused') }] },
          { allOf: [endpoints(4), lastSecond('outcomes.refused')] },
        ],
        why: {
          en: 'The selector matched debug, which is Ready (it has no readiness probe), so it got an endpoint and a quarter of the rule probabilities.',
          zh: '选择器匹配到了 debug，而它是 Ready 的（没有就绪探针），所以它得到一个端点，分走了四分之一的概率。',
        },
      },
    },
    {
      text: {
        en: 'debug is deleted and kube-proxy is switched to IPVS mode: every ClusterIP becomes an IPVS virtual server with the Pods as real servers.',
        zh: '删除 debug，并把 kube-proxy 切换到 IPVS 模式：每个 ClusterIP 变成一个 IPVS 虚拟服务器，Pod 成为其真实服务器。',
      },
      commands: [{ type: 'delete', kind: 'Pod', name: 'debug', gracePeriodSeconds: 0 }, { type: 'setProxyMode', mode: 'ipvs' }],
      runUntil: { ms: 10_000 },
      pause: true,
      predict: {
        question: { en: 'How does IPVS pick the Pod for each connection?', zh: 'IPVS 如何为每个连接挑选 Pod？' },
        choices: [
          { en: 'Round robin (rr): the 3 Pods in turn, so each gets the same share', zh: '轮询（rr）：3 个 Pod 依次轮流，每个得到相同份额' },
          { en: 'At random with probabilities 1/3 and 1/2, like iptables', zh: '像 iptables 一样，按 1/3 和 1/2 的概率随机挑选' },
        ],
        answer: 0,
        check: [
          { allOf: [{ ...RULES, path: 'mode', equals: 'ipvs' }, { ...RULES, path: 'text', matches: ':80 rr\\n(  -> \\S+:8080 +Masq.*\\n){3}' }, lastSecond('byPod'), { not: lastSecond('outcomes.refused') }] },
          { ...RULES, path: 'text', contains: '--probability' },
        ],
        why: {
          en: 'IPVS is an in-kernel load balancer; kube-proxy creates its virtual servers with the default scheduler rr (round robin).',
          zh: 'IPVS 是内核中的负载均衡器；kube-proxy 用默认调度算法 rr（轮询）创建虚拟服务器。',
        },
      },
    },
  ],
};
