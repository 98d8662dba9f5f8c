/**
 * Application binaries of the catalog images (Go sample servers, agnhost, Kubernetes components,
 * JVM services, proxies) and the init wrappers (tini, dumb-init, gosu) that change signal handling.
 */
import type { ProcContext, ProcModel } from './programProcess';
import { spawn } from './programProcess';
import { anyPath, page, serve, versionOf, type PortSpec } from './programServe';
import { done, err, goLogTime, out, parseGoFlags, stat, strftime, wallMs } from './programUtil';
import { ForeverSignal, exitsOnSigterm, IGNORES_SIGTERM, type Traits } from './programWorld';

/**
 * A Go binary with no SIGTERM handler: the runtime's handler re-raises the signal, which the kernel
 * drops for PID 1, and then the runtime exits with status 2.
 */
export const GO_DEFAULT = exitsOnSigterm(2, 0);
/** The JVM runs its shutdown hooks on SIGTERM and exits 128+15. */
export const JVM = exitsOnSigterm(143, 2000);

const goLog = (ctx: ProcContext, dt: number, msg: string) => ({ dt, line: `${goLogTime(wallMs(ctx, dt))} ${msg}` });
const portOf = (s: string | undefined, dflt: number) => Number((s ?? '').split(':').pop() || dflt) || dflt;

/** A daemon with a fixed port set. */
const daemon = (ports: PortSpec[], startupMs: number, traits: Traits, logs?: (ctx: ProcContext) => { dt: number; line: string }[]): ProcModel =>
  (ctx) => serve(ctx, { ports, startupMs, traits, logs: logs?.(ctx) });

/** Ports the Pod spec declares, for applications whose code the catalog does not know. */
export const declaredPorts = (ctx: ProcContext, fallback: number[]): PortSpec[] =>
  (ctx.input.ports?.length ? ctx.input.ports : fallback.map((port) => ({ port, protocol: 'TCP' as const })))
    .map((p) => ({ port: p.port, protocol: p.protocol, ...(p.protocol === 'TCP' ? { routes: anyPath } : {}) }));

const helloApp: ProcModel = (ctx) => {
  const port = Number(ctx.env.PORT || 8080);
  return serve(ctx, { ports: [{ port, routes: anyPath }], startupMs: 5, traits: GO_DEFAULT, logs: [goLog(ctx, 5, `Server listening on port ${port}`)] });
};

const httpEcho: ProcModel = (ctx, argv) => {
  const { flags } = parseGoFlags(argv.slice(1));
  if (!flags.get('text')) { err(ctx, 'Missing -text option!\n'); return done(ctx, 127, 2); }
  const listen = flags.get('listen') ?? ':5678';
  const status = Number(flags.get('status-code') ?? 200);
  return serve(ctx, { ports: [{ port: portOf(listen, 5678), routes: [{ path: '/health', status: 200 }, { path: '*', status }] }], startupMs: 3, traits: exitsOnSigterm(0, 10),
    logs: [goLog(ctx, 3, `[INFO] server is listening on ${listen}`)] });
};

/** registry.k8s.io/liveness and `agnhost liveness`: /healthz answers 200 for the first 10s, then 500. */
const livenessServer = (): PortSpec[] => [{ port: 8080, routes: [{ path: '/healthz', status: 200, untilMs: 10_001 }, { path: '/healthz', status: 500 }, { path: '/redirect', status: 302 }, { path: '*', status: 404 }] }];

const AGNHOST: Record<string, (ctx: ProcContext, f: Map<string, string>) => PortSpec[] | 'pause' | undefined> = {
  liveness: () => livenessServer(),
  netexec: (_c, f) => [{ port: Number(f.get('http-port') ?? 8080), routes: anyPath }, { port: Number(f.get('udp-port') ?? 8081), protocol: 'UDP' }],
  'serve-hostname': (_c, f) => [{ port: Number(f.get('port') ?? 9376), routes: anyPath }],
  'test-webserver': (_c, f) => [{ port: Number(f.get('port') ?? 80), routes: anyPath }],
  'resource-consumer': (_c, f) => [{ port: Number(f.get('port') ?? 8080), routes: anyPath }],
  'grpc-health-checking': (_c, f) => [{ port: Number(f.get('port') ?? 5000), grpc: true }, { port: Number(f.get('http-port') ?? 8080), routes: anyPath }],
  nettest: (_c, f) => [{ port: Number(f.get('port') ?? 8080), routes: anyPath }],
  'fake-gitserver': () => [{ port: 8000, routes: anyPath }],
  webhook: (_c, f) => [{ port: Number(f.get('port') ?? 443), routes: anyPath }],
  porter: (ctx) => Object.entries(ctx.env).filter(([k]) => /^SERVE_(PORT|TLS_PORT)_\d+$/.test(k)).map(([k]) => ({ port: Number(k.split('_').pop()), routes: anyPath })),
  pause: () => 'pause',
};

const agnhost: ProcModel = (ctx, argv) => {
  const sub = argv[1];
  if (!sub || sub === 'help' || sub === '--help') {
    out(ctx, 'agnhost is a test binary with many subcommands.\n\nUsage:\n  agnhost [command]\n\nAvailable Commands:\n  liveness    Starts a server which responds 200 to /healthz for the first 10 seconds, then 500\n  netexec     Creates HTTP(S), UDP, and (optionally) SCTP servers with various endpoints\n  pause       Pauses the execution\n  serve-hostname Serves the hostname\n');
    return done(ctx);
  }
  const { flags } = parseGoFlags(argv.slice(2));
  const ports = AGNHOST[sub]?.(ctx, flags);
  if (ports === 'pause') { out(ctx, 'Paused\n'); throw new ForeverSignal(ctx.t, exitsOnSigterm(0, 0)); }
  if (ports === undefined) throw new ForeverSignal(ctx.t, GO_DEFAULT);
  return serve(ctx, { ports, startupMs: 5, traits: GO_DEFAULT, logs: sub === 'liveness' ? [] : [goLog(ctx, 5, `Started ${sub} server`)] });
};

const etcd: ProcModel = (ctx, argv) => {
  const { flags } = parseGoFlags(argv.slice(1));
  const urls = (flags.get('listen-client-urls') ?? 'http://localhost:2379').split(',');
  const ports: PortSpec[] = urls.map((u) => ({ port: portOf(u.replace(/\/$/, ''), 2379), grpc: true, routes: page('/health', '/version', '/metrics', '/readyz', '/livez') }));
  ports.push({ port: portOf(flags.get('listen-peer-urls'), 2380) });
  return serve(ctx, { ports, startupMs: 300, traits: exitsOnSigterm(0, 100),
    logs: [{ dt: 300, line: `{"level":"info","ts":"${strftime(wallMs(ctx, 300), '%Y-%m-%dT%H:%M:%S.000Z')}","caller":"embed/serve.go:187","msg":"serving client traffic insecurely; this is strongly discouraged!","address":"[::]:${ports[0].port}"}` }] });
};

const proxyAgent: ProcModel = (ctx, argv) => {
  const { flags } = parseGoFlags(argv.slice(1));
  return serve(ctx, { ports: [{ port: Number(flags.get('health-server-port') ?? 8093), routes: page('/healthz', '/ready', '/metrics') }, { port: Number(flags.get('admin-server-port') ?? 8094), routes: anyPath }], startupMs: 50, traits: GO_DEFAULT });
};

const kubeComponent = (securePort: number, insecure?: number): ProcModel => (ctx, argv) => {
  const { flags } = parseGoFlags(argv.slice(1));
  const ports: PortSpec[] = [{ port: Number(flags.get('secure-port') ?? securePort), routes: page('/healthz', '/livez', '/readyz', '/metrics') }];
  if (insecure && (flags.has('address') || flags.has('port'))) ports.push({ port: Number(flags.get('port') || insecure), routes: page('/healthz', '/metrics') });
  return serve(ctx, { ports, startupMs: 500, traits: exitsOnSigterm(0, 100) });
};

const cockroach: ProcModel = (ctx, argv) => {
  if (!['start', 'start-single-node'].includes(argv[1] ?? '')) return done(ctx, 0, 200);
  const { flags } = parseGoFlags(argv.slice(2));
  return serve(ctx, { ports: [{ port: Number(flags.get('port') ?? portOf(flags.get('listen-addr'), 26257)) }, { port: Number(flags.get('http-port') ?? portOf(flags.get('http-addr'), 8080)), routes: page('/health', '/_status/vars', '/') }],
    startupMs: 2000, traits: exitsOnSigterm(0, 5000), logs: [{ dt: 2000, line: `CockroachDB node starting at ${strftime(wallMs(ctx, 2000), '%Y-%m-%d %H:%M:%S.000000 +0000 UTC')}` }] });
};

const tfServing: ProcModel = (ctx, argv) => {
  const { flags } = parseGoFlags(argv.slice(1));
  const model = flags.get('model_name') ?? ctx.env.MODEL_NAME ?? 'model';
  return serve(ctx, { ports: [{ port: Number(flags.get('port') ?? 8500), grpc: true }, { port: Number(flags.get('rest_api_port') ?? 8501), routes: [{ path: `/v1/models/${model}`, status: 200 }, { path: '*', status: 404 }] }],
    startupMs: 2000, traits: exitsOnSigterm(0, 100), logs: [{ dt: 2000, line: `[evhttp_server.cc : 245] NET_LOG: Entering the event loop ...` }] });
};

const haproxy: ProcModel = (ctx, argv) => {
  const { flags } = parseGoFlags(argv.slice(1));
  const cfg = flags.get('f') ?? '/usr/local/etc/haproxy/haproxy.cfg';
  const st = stat(ctx, cfg);
  if (st.exists !== 'yes') {
    err(ctx, `[NOTICE]   (1) : haproxy version is ${versionOf(ctx, '3.0.7')}\n[ALERT]    (1) : config : Cannot open configuration file/directory ${cfg} : No such file or directory\n`);
    return done(ctx, 1, 5);
  }
  const ports = [...st.content.matchAll(/^\s*bind\s+\S*?:(\d+)/gm)].map((m) => ({ port: Number(m[1]), routes: anyPath }));
  return serve(ctx, { ports, startupMs: 20, traits: exitsOnSigterm(0, 100) });
};

const traefik: ProcModel = (ctx, argv) => {
  const eps = argv.map((a) => /^--entry[pP]oints\.[\w-]+\.address=.*?:(\d+)/.exec(a)).filter((m): m is RegExpExecArray => !!m).map((m) => ({ port: Number(m[1]), routes: [{ path: '*', status: 404 }] }));
  const ports: PortSpec[] = eps.length ? eps : [{ port: 80, routes: [{ path: '*', status: 404 }] }];
  if (argv.some((a) => /^--api\.insecure(=true)?$/.test(a))) ports.push({ port: 8080, routes: page('/dashboard/', '/api/rawdata', '/api/overview', '/ping') });
  return serve(ctx, { ports, startupMs: 100, traits: exitsOnSigterm(0, 100), logs: [{ dt: 0, line: `${strftime(wallMs(ctx), '%Y-%m-%dT%H:%M:%SZ')} INF Traefik version ${versionOf(ctx, '3.3.5')} built on 2025-03-31T13:54:31Z version=${versionOf(ctx, '3.3.5')}` }] });
};

const caddy: ProcModel = (ctx, argv) => {
  if (argv[1] === 'version') { out(ctx, `v${versionOf(ctx, '2.9.1')} h1:OEYiZ7DbCzAWVb6TNEkjRcSCRGHVoZsJinoDR/n9oaY=\n`); return done(ctx); }
  if (!['run', 'file-server', 'reverse-proxy', 'start'].includes(argv[1] ?? '')) return done(ctx, 0, 5);
  const { flags } = parseGoFlags(argv.slice(2));
  const port = portOf(flags.get('listen') ?? flags.get('from'), 80);
  return serve(ctx, { ports: [{ port, routes: argv[1] === 'reverse-proxy' ? anyPath : page('/', '/index.html') }], startupMs: 30, traits: exitsOnSigterm(0, 100),
    logs: [{ dt: 30, line: `{"level":"info","ts":${(wallMs(ctx, 30) / 1000).toFixed(4)},"msg":"serving initial configuration"}` }] });
};

/** tini / dumb-init / gosu: run the command; an init that forwards SIGTERM makes any child stop on it. */
const wrapper = (forwards: boolean): ProcModel => (ctx, argv) => {
  let i = 1;
  while (i < argv.length && argv[i].startsWith('-')) { if (argv[i++] === '--') break; }
  if (!forwards) i = Math.max(i, 2);
  try {
    return spawn(ctx, argv.slice(i));
  } catch (e) {
    if (!(e instanceof ForeverSignal) || !forwards) throw e;
    throw new ForeverSignal(e.at, e.traits?.handlesSigterm ? e.traits : exitsOnSigterm(143, 0), e.interruptible);
  }
};

const peerFinder: ProcModel = (ctx, argv) => {
  const { flags } = parseGoFlags(argv.slice(1));
  out(ctx, `${goLogTime(wallMs(ctx, 1000))} Peer list updated\nwas []\nnow [${ctx.env.HOSTNAME ?? 'localhost'}.${flags.get('service') ?? 'service'}.${ctx.env.POD_NAMESPACE ?? 'default'}.svc.cluster.local]\n`, 1000);
  const script = flags.get('on-start');
  out(ctx, `${goLogTime(wallMs(ctx, 1000))} execing: ${script ?? ''} with stdin: ${ctx.env.HOSTNAME ?? 'localhost'}\n`, 1000);
  return done(ctx, 0, 1200);
};

const jvm = (ports: PortSpec[], startupMs: number, banner: string): ProcModel => (ctx) => serve(ctx, { ports, startupMs, traits: JVM, logs: [{ dt: 200, line: banner }] });

export const APPS: Record<string, ProcModel> = {
  'hello-app': helloApp, 'http-echo': httpEcho, server: daemon(livenessServer(), 5, GO_DEFAULT), agnhost,
  serve_hostname: daemon([{ port: 9376, routes: anyPath }], 5, GO_DEFAULT, (ctx) => [goLog(ctx, 5, 'Serving on port 9376.')]),
  goproxy: daemon([{ port: 8080, routes: anyPath }], 5, GO_DEFAULT),
  guestbook: daemon([{ port: 3000, routes: anyPath }], 20, GO_DEFAULT, (ctx) => [{ dt: 20, line: `[negroni] listening on :3000 ${goLogTime(wallMs(ctx, 20))}` }]),
  kuard: daemon([{ port: 8080, routes: anyPath }], 20, GO_DEFAULT, (ctx) => [goLog(ctx, 0, 'Starting kuard version: v0.10.0-blue'), goLog(ctx, 20, 'Serving on HTTP on :8080')]),
  hello: daemon([{ port: 80, routes: anyPath }], 5, GO_DEFAULT),
  'event-exporter': daemon([], 0, GO_DEFAULT), 'node-problem-detector': daemon([{ port: 20256, routes: page('/healthz', '/metrics') }], 200, exitsOnSigterm(0, 100)),
  nrsysmond: daemon([], 0, IGNORES_SIGTERM), 'proxy-agent': proxyAgent, 'proxy-server': daemon([{ port: 8090 }, { port: 8091 }, { port: 8092, routes: page('/healthz') }, { port: 8095 }], 100, GO_DEFAULT),
  'kube-scheduler': kubeComponent(10259, 10251), 'kube-controller-manager': kubeComponent(10257, 10252), 'kube-apiserver': kubeComponent(6443),
  'kube-proxy': daemon([{ port: 10256, routes: page('/healthz', '/livez') }, { port: 10249, routes: page('/metrics') }], 200, exitsOnSigterm(0, 100)),
  kubectl: (ctx, argv) => { if (argv.length === 1 || argv[1] === '--help') out(ctx, 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n'); return done(ctx, 0, 50); },
  coredns: daemon([{ port: 53, protocol: 'UDP' }, { port: 53 }, { port: 9153, routes: page('/metrics') }, { port: 8080, routes: page('/health') }, { port: 8181, routes: page('/ready') }], 200, exitsOnSigterm(0, 5000)),
  'metrics-server': (ctx, argv) => serve(ctx, { ports: [{ port: Number(parseGoFlags(argv.slice(1)).flags.get('secure-port') ?? 10250), routes: page('/readyz', '/livez', '/healthz', '/metrics') }], startupMs: 1000, traits: exitsOnSigterm(0, 100) }),
  'nginx-ingress-controller': (ctx) => serve(ctx, { ports: [{ port: 80, routes: [{ path: '*', status: 404 }] }, { port: 443, routes: [{ path: '*', status: 404 }] }, { port: 8443 }, { port: 10254, routes: page('/healthz', '/metrics') }], startupMs: 1500, traits: exitsOnSigterm(0, 5000) }),
  etcd, cockroach, tensorflow_model_server: tfServing, haproxy, traefik, caddy,
  minio: (ctx, argv) => (argv[1] === 'server' ? serve(ctx, { ports: [{ port: portOf(parseGoFlags(argv.slice(2)).flags.get('address'), 9000), routes: page('/minio/health/live', '/minio/health/ready', '/minio/health/cluster') }], startupMs: 500, traits: exitsOnSigterm(0, 100), logs: [{ dt: 500, line: 'MinIO Object Storage Server' }] }) : done(ctx, 0, 20)),
  registry: daemon([{ port: 5000, routes: page('/', '/v2/', '/v2/_catalog') }], 50, exitsOnSigterm(0, 100), (ctx) => [{ dt: 50, line: `time="${strftime(wallMs(ctx, 50), '%Y-%m-%dT%H:%M:%S.000000000Z')}" level=info msg="listening on [::]:5000" go.version=go1.20.8` }]),
  prometheus: daemon([{ port: 9090, routes: page('/-/healthy', '/-/ready', '/metrics', '/graph', '/') }], 500, exitsOnSigterm(0, 500)),
  grafana: daemon([{ port: 3000, routes: [{ path: '/', status: 302 }, ...page('/api/health', '/login')] }], 3000, exitsOnSigterm(0, 100)),
  fluentd: (ctx) => serve(ctx, { ports: ctx.image.ports.map((p) => ({ port: p.port, protocol: p.protocol })), startupMs: 1500, traits: exitsOnSigterm(0, 1000), logs: [{ dt: 100, line: `${strftime(wallMs(ctx, 100), '%Y-%m-%d %H:%M:%S +0000')} [info]: starting fluentd-1.16.2 pid=7 ruby="3.2.2"` }] }),
  'td-agent': (ctx) => serve(ctx, { ports: [], startupMs: 1500, traits: exitsOnSigterm(0, 1000) }),
  'fluent-bit': (ctx) => serve(ctx, { ports: ctx.image.ports.map((p) => ({ port: p.port, routes: anyPath })), startupMs: 100, traits: exitsOnSigterm(0, 5000) }),
  'run_nfs.sh': daemon([{ port: 2049 }, { port: 111 }, { port: 111, protocol: 'UDP' }, { port: 20048 }], 1000, IGNORES_SIGTERM),
  'start-zookeeper': jvm([{ port: 2181, atMs: 2000 }, { port: 2888, atMs: 2500 }, { port: 3888, atMs: 2500 }], 2000, 'ZooKeeper JMX enabled by default'),
  cassandra: jvm([{ port: 7000, atMs: 5000 }, { port: 7001, atMs: 5000 }, { port: 7199, atMs: 8000 }, { port: 9042, atMs: 25_000 }], 5000, 'INFO  [main] 2025-01-01 09:00:00,000 YamlConfigurationLoader.java:97 - Configuration location: file:/etc/cassandra/cassandra.yaml'),
  eswrapper: jvm([{ port: 9200, atMs: 20_000, routes: page('/', '/_cluster/health', '/_cat/health') }, { port: 9300, atMs: 20_000 }], 20_000, '{"@timestamp":"2025-01-01T09:00:00.000Z", "log.level": "INFO", "message":"version[8.17.0], pid[1]"}'),
  java: (ctx) => serve(ctx, { ports: declaredPorts(ctx, [8080]), startupMs: 3000, traits: JVM }),
  'peer-finder': peerFinder,
  pause: (ctx) => { throw new ForeverSignal(ctx.t, exitsOnSigterm(0, 0)); },
  tini: wrapper(true), 'dumb-init': wrapper(true), gosu: wrapper(false), 'su-exec': wrapper(false),
};
