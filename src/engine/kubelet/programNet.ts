/**
 * Network clients and servers of the base images (wget, curl, nc, nslookup, ping) and the
 * database clients health checks use (redis-cli ping, pg_isready, mysqladmin ping, …).
 *
 * The Program is computed once, when the container starts, so it cannot see Services or Pods
 * created later. Remote names and addresses are therefore taken to resolve and answer after a
 * short round trip (an init container's `until nslookup mydb; do sleep 2; done` finishes at once);
 * only the Pod's own localhost is checked, against this container's listeners and `portsInUse`.
 */
import type { HttpRoute } from './program';
import type { ProcContext, ProcModel, ProcResult } from './programProcess';
import { done, err, isBusybox, out, parseFlags, stat, strftime, wallMs } from './programUtil';
import { ForeverSignal, IGNORES_SIGTERM } from './programWorld';

/** Round trip to another Pod or a Service. */
export const REMOTE_MS = 40;

const LOCAL = new Set(['localhost', '127.0.0.1', '0.0.0.0', '::1', '[::1]']);

export function isLocal(ctx: ProcContext, host: string): boolean {
  return LOCAL.has(host) || host === ctx.env.HOSTNAME || host === ctx.env.POD_IP;
}

/** Whether something in the Pod listens on localhost:port at the context's time. */
export function listening(ctx: ProcContext, port: number): boolean {
  return ctx.world.listeners.some((l) => l.port === port && l.fromMs <= ctx.t && (l.untilMs === undefined || ctx.t < l.untilMs))
    || (ctx.input.portsInUse ?? []).includes(port);
}

/** The HTTP status a local listener answers for a path, or undefined when it does not speak HTTP. */
export function httpStatus(routes: HttpRoute[] | undefined, path: string, elapsedMs: number): number | undefined {
  if (!routes) return undefined;
  const p = path.split('?')[0] || '/';
  const r = routes.find((x) => (x.path === '*' || x.path === p) && (x.fromMs === undefined || elapsedMs >= x.fromMs) && (x.untilMs === undefined || elapsedMs < x.untilMs));
  return r?.status ?? 404;
}

interface Url { scheme: string; host: string; port: number; path: string }

export function parseUrl(u: string): Url {
  const m = /^(?:(https?):\/\/)?(\[[^\]]+\]|[^/:]+)(?::(\d+))?(\/.*)?$/.exec(u) ?? [];
  const scheme = m[1] ?? 'http';
  return { scheme, host: m[2] ?? u, port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: m[4] ?? '/' };
}

/** What a request to a URL gets: refused, an HTTP status, or (remote) a 200 after a round trip. */
function request(ctx: ProcContext, url: Url): { refused: true } | { refused: false; status: number; ms: number } {
  if (!isLocal(ctx, url.host)) return { refused: false, status: 200, ms: REMOTE_MS };
  if (!listening(ctx, url.port)) return { refused: true };
  const l = ctx.world.listeners.find((x) => x.port === url.port);
  return { refused: false, status: httpStatus(l?.http?.routes, url.path, ctx.t) ?? 200, ms: 2 };
}

const REASONS: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 302: 'Found', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

const CERN = '<html><head></head><body><header>\n<title>http://info.cern.ch</title>\n</header>\n\n<h1>http://info.cern.ch - home of the first website</h1>\n<p>From here you can:</p>\n<ul>\n<li><a href="http://info.cern.ch/hypertext/WWW/TheProject.html">Browse the first website</a></li>\n<li><a href="http://line-mode.cern.ch/www/hypertext/WWW/TheProject.html">Browse the first website using the line-mode browser simulator</a></li>\n<li><a href="http://home.web.cern.ch/topics/birth-web">Learn about the birth of the web</a></li>\n<li><a href="http://home.web.cern.ch/about">Learn about CERN, the physics laboratory where the web was born</a></li>\n</ul>\n</body></html>\n';

const wget: ProcModel = (ctx, argv) => {
  const { flags, rest } = parseFlags(argv.slice(1), ['O', 'T', 't', 'U', 'Y', 'P', 'header', 'output-document', 'timeout', 'tries']);
  const quiet = flags.has('q') || flags.has('quiet');
  if (!rest[0]) { err(ctx, isBusybox(ctx) ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n' : 'wget: missing URL\n'); return done(ctx, 1); }
  const url = parseUrl(rest[0]);
  const res = request(ctx, url);
  const bb = isBusybox(ctx);
  if (res.refused) {
    err(ctx, bb ? `wget: can't connect to remote host (127.0.0.1): Connection refused\n` : `--${strftime(wallMs(ctx), '%Y-%m-%d %H:%M:%S')}--  ${rest[0]}\nConnecting to ${url.host} (${url.host})|127.0.0.1|:${url.port}... failed: Connection refused.\n`);
    return done(ctx, bb ? 1 : 4, 1);
  }
  if (res.status >= 400) {
    err(ctx, bb ? `wget: server returned error: HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ''}\n` : `ERROR ${res.status}: ${REASONS[res.status] ?? ''}.\n`);
    return done(ctx, bb ? 1 : 8, res.ms);
  }
  const target = flags.get('O') ?? flags.get('output-document') ?? (url.path.replace(/\/$/, '').split('/').pop() || 'index.html');
  if (flags.has('spider')) return done(ctx, 0, res.ms);
  const body = url.host === 'info.cern.ch' ? CERN : '';
  if (target === '-') out(ctx, body, res.ms);
  else {
    const st = stat(ctx, target);
    ctx.world.write(st.abs, ctx.t + res.ms, body, false);
    if (!quiet) err(ctx, bb ? `${isLocal(ctx, url.host) ? `Connecting to ${url.host} (127.0.0.1:${url.port})\n` : ''}saving to '${target}'\n'${target}' saved\n` : `Saving to: '${target}'\n\n'${target}' saved\n`, res.ms);
  }
  return done(ctx, 0, res.ms);
};

const curl: ProcModel = (ctx, argv) => {
  const { flags, rest } = parseFlags(argv.slice(1), ['o', 'X', 'H', 'd', 'm', 'w', 'u', 'A', 'e', 'max-time', 'connect-timeout', 'retry', 'data', 'header', 'request', 'output', 'user-agent', 'write-out', 'retry-delay', 'resolve', 'cacert', 'cert', 'key']);
  const silent = flags.has('s') && !flags.has('S');
  if (!rest[0]) { err(ctx, "curl: try 'curl --help' or 'curl --manual' for more information\n"); return done(ctx, 2); }
  const url = parseUrl(rest[0]);
  const res = request(ctx, url);
  if (res.refused) {
    if (!silent) err(ctx, `curl: (7) Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server\n`);
    return done(ctx, 7);
  }
  if (res.status >= 400 && (flags.has('f') || flags.has('fail'))) {
    if (!silent) err(ctx, `curl: (22) The requested URL returned error: ${res.status}\n`, res.ms);
    return done(ctx, 22, res.ms);
  }
  if (flags.has('I') || flags.has('head')) out(ctx, `HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ''}\n`, res.ms);
  const file = flags.get('o') ?? flags.get('output');
  if (file) ctx.world.write(stat(ctx, file).abs, ctx.t + res.ms, url.host === 'info.cern.ch' ? CERN : '', false);
  return done(ctx, 0, res.ms);
};

/** nc / ncat: `-l [-p] PORT` listens for ever; `-z host port` checks; otherwise a client that returns. */
const nc: ProcModel = (ctx, argv) => {
  const { flags, rest } = parseFlags(argv.slice(1), ['p', 'w', 'e', 'c', 's', 'i', 'q', 'W', 'max-conns', 'sh-exec', 'exec']);
  if (flags.has('l') || flags.has('listen')) {
    const port = Number(flags.get('p') ?? rest.find((r) => /^\d+$/.test(r)) ?? 0);
    if (port) ctx.world.listen({ port, protocol: flags.has('u') ? 'UDP' : 'TCP', fromMs: ctx.t + 1 });
    throw new ForeverSignal(ctx.t, IGNORES_SIGTERM);
  }
  const [host = '', portStr = ''] = rest;
  if (isLocal(ctx, host) && !listening(ctx, Number(portStr))) {
    if (!flags.has('z')) err(ctx, isBusybox(ctx) ? `nc: can't connect to remote host (127.0.0.1): Connection refused\n` : `nc: connect to ${host} port ${portStr} (tcp) failed: Connection refused\n`);
    return done(ctx, 1);
  }
  const input = ctx.io.stdin.text.slice(ctx.io.stdin.pos).trim();
  if (input === 'ruok' && Number(portStr) === 2181) out(ctx, 'imok');
  return done(ctx, 0, isLocal(ctx, host) ? 2 : REMOTE_MS);
};

function nameserver(ctx: ProcContext): string {
  return /nameserver\s+(\S+)/.exec(ctx.world.stat('/etc/resolv.conf', ctx.t).content)?.[1] ?? '10.96.0.10';
}

const nslookup: ProcModel = (ctx, argv) => {
  const name = argv.slice(1).find((a) => !a.startsWith('-'));
  if (!name) { err(ctx, 'Usage: nslookup [HOST] [SERVER]\n'); return done(ctx, 1); }
  const ns = nameserver(ctx);
  // upstream: busybox before 1.29 had its own resolver output format (the docs' busybox:1.28).
  const old = ctx.image.base === 'busybox' && /^1\.(1\d|2[0-8])(\.|$)/.test(ctx.image.tag);
  const text = old ? `Server:    ${ns}\nAddress 1: ${ns} kube-dns.kube-system.svc.cluster.local\n\nName:      ${name}\n`
    : isBusybox(ctx) ? `Server:\t\t${ns}\nAddress:\t${ns}:53\n\nName:\t${name}\n\n` : `Server:\t\t${ns}\nAddress:\t${ns}#53\n\nName:\t${name}\n\n`;
  out(ctx, text, REMOTE_MS / 2);
  return done(ctx, 0, REMOTE_MS / 2);
};

const ping: ProcModel = (ctx, argv) => {
  const { flags, rest } = parseFlags(argv.slice(1), ['c', 'w', 'W', 'i', 's']);
  const host = rest[0] ?? '';
  const count = flags.has('c') ? Number(flags.get('c')) : Infinity;
  out(ctx, `PING ${host} (${host}): 56 data bytes\n`);
  for (let i = 0; i < Math.min(count, 200); i++) out(ctx, `64 bytes from ${host}: seq=${i} ttl=62 time=0.${100 + (i * 37) % 400} ms\n`, i * 1000 + 1);
  if (!Number.isFinite(count)) throw new ForeverSignal(ctx.t, IGNORES_SIGTERM);
  const end = (count - 1) * 1000 + 1;
  out(ctx, `\n--- ${host} ping statistics ---\n${count} packets transmitted, ${count} packets received, 0% packet loss\n`, end);
  return done(ctx, 0, end);
};

/** A client that succeeds when a local port answers (or the host is remote), else prints its refusal. */
function probeClient(defaultPort: number, ok: (ctx: ProcContext, host: string, port: number) => string, fail: (ctx: ProcContext, host: string, port: number) => string, failCode = 1, hostFlag = 'h', portFlag = 'p'): ProcModel {
  return (ctx, argv): ProcResult => {
    const { flags } = parseFlags(argv.slice(1), [hostFlag, portFlag, 'u', 'U', 'e', 'd', 'a', 'P', 't', 'host', 'port', 'eval', 'user', 'password', 'c']);
    const host = flags.get(hostFlag) ?? flags.get('host') ?? 'localhost';
    const port = Number(flags.get(portFlag) ?? flags.get('port') ?? flags.get('P') ?? defaultPort);
    if (isLocal(ctx, host) && !listening(ctx, port)) { err(ctx, fail(ctx, host, port)); return done(ctx, failCode, 2); }
    out(ctx, ok(ctx, host, port));
    return done(ctx, 0, isLocal(ctx, host) ? 3 : REMOTE_MS);
  };
}

const redisCli = probeClient(6379, (_c, _h, _p) => 'PONG\n', (_c, h, p) => `Could not connect to Redis at ${h === 'localhost' ? '127.0.0.1' : h}:${p}: Connection refused\n`);
const pgIsready = probeClient(5432, (_c, h, p) => `${h === 'localhost' ? '/var/run/postgresql' : h}:${p} - accepting connections\n`, (_c, h, p) => `${h === 'localhost' ? '/var/run/postgresql' : h}:${p} - no response\n`, 2);
const mysqlSocket = "'/var/run/mysqld/mysqld.sock'";
const mysqladmin = probeClient(3306, () => 'mysqld is alive\n', (_c, h) => (h === 'localhost'
  ? `mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket ${mysqlSocket} (2)'\nCheck that mysqld is running and that the socket: ${mysqlSocket} exists!\n`
  : `mysqladmin: connect to server at '${h}' failed\nerror: 'Can't connect to MySQL server on '${h}:3306' (111)'\nCheck that mysqld is running on ${h} and that the port is 3306.\nYou can check this by doing 'telnet ${h} 3306'\n`));
const mysql = probeClient(3306, () => '1\n1\n', (_c, h, p) => (h === 'localhost' ? `ERROR 2002 (HY000): Can't connect to local MySQL server through socket ${mysqlSocket} (2)\n` : `ERROR 2003 (HY000): Can't connect to MySQL server on '${h}:${p}' (111)\n`));
const psql = probeClient(5432, () => '', (_c, h, p) => (h === 'localhost' ? 'psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n' : `psql: error: connection to server at "${h}", port ${p} failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n`), 2);
const mongosh = probeClient(27017, () => '{ ok: 1 }\n', (_c, h, p) => `MongoNetworkError: connect ECONNREFUSED ${h === 'localhost' ? '127.0.0.1' : h}:${p}\n`, 1, 'host', 'port');
const nodetool = probeClient(7199, () => 'Datacenter: DC1-K8Demo\n=======================\nStatus=Up/Down\n|/ State=Normal/Leaving/Joining/Moving\n--  Address     Load       Tokens       Owns (effective)  Host ID                               Rack\nUN  127.0.0.1   104.55 KiB  32           100.0%            -                                     Rack1-K8Demo\n', (_c, h, p) => `nodetool: Failed to connect to '${h === 'localhost' ? '127.0.0.1' : h}:${p}' - ConnectException: 'Connection refused (Connection refused)'.\n`);

/** Health-check scripts shipped in images: succeed once the service's port is up. */
const portCheck = (port: number | ((argv: string[]) => number)): ProcModel => (ctx, argv) =>
  done(ctx, listening(ctx, typeof port === 'number' ? port : port(argv)) ? 0 : 1, 5);

export const NET_COMMANDS: Record<string, ProcModel> = {
  wget, curl, nc, ncat: nc, netcat: nc, nslookup, ping,
  dig: (ctx) => done(ctx, 0, REMOTE_MS / 2), host: (ctx) => done(ctx, 0, REMOTE_MS / 2), getent: (ctx) => done(ctx, 0, REMOTE_MS / 2),
  'redis-cli': redisCli, pg_isready: pgIsready, mysqladmin, 'mariadb-admin': mysqladmin, mysql, mariadb: mysql, psql, mongosh, mongo: mongosh, nodetool,
  'zookeeper-ready': portCheck((argv) => Number(argv[1] ?? 2181)),
  'ready-probe.sh': portCheck(9042),
  'healthcheck.sh': portCheck(3306),
  'rabbitmq-diagnostics': portCheck(5672), rabbitmqctl: portCheck(5672),
  cqlsh: portCheck(9042),
};
