/**
 * Long-running servers: what they log at start, when their ports start accepting, how they answer
 * HTTP, and how PID 1 reacts to SIGTERM. Web servers and databases here; app binaries in programApps.ts.
 */
import type { HttpRoute } from './program';
import type { ProcContext, ProcModel, ProcResult } from './programProcess';
import { listening } from './programNet';
import { anyPath, page, serve, versionOf, type PortSpec } from './programServe';
import { done, err, isBusybox, out, parseFlags, stat, strftime, wallMs } from './programUtil';
import { exitsOnSigterm } from './programWorld';

/** The port set a daemonizing server (`nginx` without `daemon off;`) leaves listening while PID 1 returns. */
function daemonize(ctx: ProcContext, ports: PortSpec[], ms: number): ProcResult {
  for (const p of ports) ctx.world.listen({ port: p.port, protocol: p.protocol ?? 'TCP', fromMs: ctx.t + ms, ...(p.routes ? { http: { routes: p.routes } } : {}) });
  return done(ctx, 0, ms);
}

const nginxTime = (ctx: ProcContext, dt = 0) => strftime(wallMs(ctx, dt), '%Y/%m/%d %H:%M:%S');

function nginxPorts(ctx: ProcContext): PortSpec[] {
  switch (ctx.image.family) {
    case 'echoserver': return [{ port: 8080, routes: anyPath }];
    case 'nginxdemos-hello': return [{ port: 80, routes: anyPath }];
    case 'ingress-nginx': return [{ port: 80, routes: page() }, { port: 443, routes: page() }, { port: 8443 }, { port: 10254, routes: page('/healthz', '/metrics') }];
    default: return [{ port: 80, routes: page('/', '/index.html', '/50x.html') }, ...ctx.image.ports.filter((p) => p.port === 443).map((p) => ({ port: p.port }))];
  }
}

const nginx: ProcModel = (ctx, argv) => {
  const { flags } = parseFlags(argv.slice(1), ['g', 'c', 's', 'p', 'e']);
  const version = versionOf(ctx, '1.27.3');
  if (flags.has('v') || flags.has('V')) { err(ctx, `nginx version: nginx/${version}\n`); return done(ctx); }
  if (flags.has('t') || flags.has('T')) { err(ctx, 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n'); return done(ctx, 0, 5); }
  if (flags.has('s')) {
    if (listening(ctx, nginxPorts(ctx)[0].port)) return done(ctx, 0, 5);
    err(ctx, `${nginxTime(ctx)} [notice] 1#1: signal process started\n${nginxTime(ctx)} [error] 1#1: open() "/run/nginx.pid" failed (2: No such file or directory)\nnginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)\n`);
    return done(ctx, 1, 5);
  }
  const ports = nginxPorts(ctx);
  if (!/daemon\s+off/.test(flags.get('g') ?? '')) return daemonize(ctx, ports, 20);
  const notice = (dt: number, m: string) => ({ dt, line: `${nginxTime(ctx, dt)} [notice] 1#1: ${m}` });
  const logs = [notice(10, 'using the "epoll" event method'), notice(10, `nginx/${version}`), notice(10, isBusybox(ctx) ? 'built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309)' : 'built by gcc 12.2.0 (Debian 12.2.0-14)'),
    notice(10, 'OS: Linux 6.6.56+'), notice(10, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576'), notice(11, 'start worker processes'),
    ...[29, 30, 31, 32].map((pid) => notice(11, `start worker process ${pid}`))];
  return serve(ctx, {
    ports, startupMs: 10, logs, traits: exitsOnSigterm(0, 100),
    bindError: (port) => {
      const one = [`${nginxTime(ctx, 10)} [emerg] 1#1: bind() to 0.0.0.0:${port} failed (98: Address in use)`, `nginx: [emerg] bind() to 0.0.0.0:${port} failed (98: Address in use)`];
      return { lines: [...one, ...one, ...one, ...one, ...one, `${nginxTime(ctx, 2510)} [emerg] 1#1: still could not bind()`, 'nginx: [emerg] still could not bind()'], status: 1, ms: 2500 };
    },
  });
};

/** Apache: `httpd-foreground` / `apache2-foreground`; busybox `httpd -f -p PORT -h DIR` in busybox images. */
function apache(bin: 'httpd' | 'apache2'): ProcModel {
  return (ctx) => {
    const ip = ctx.env.POD_IP ?? '127.0.0.1';
    const stamp = (dt: number) => strftime(wallMs(ctx, dt), '[%a %b %d %H:%M:%S.000000 %Y]');
    const version = bin === 'httpd' ? `Apache/${versionOf(ctx, '2.4.62').replace(/^2\.4$/, '2.4.62')} (Unix)` : 'Apache/2.4.62 (Debian) PHP/8.3.14';
    const warn = `AH00558: ${bin}: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`;
    return serve(ctx, {
      ports: [{ port: 80, routes: bin === 'httpd' ? page('/', '/index.html') : anyPath }], startupMs: 40, traits: exitsOnSigterm(0, 200),
      logs: [{ dt: 20, line: warn }, { dt: 20, line: warn }, { dt: 40, line: `${stamp(40)} [mpm_${bin === 'httpd' ? 'event' : 'prefork'}:notice] [pid 1${bin === 'httpd' ? ':tid 1' : ''}] AH00${bin === 'httpd' ? '489' : '163'}: ${version} configured -- resuming normal operations` },
        { dt: 40, line: `${stamp(40)} [core:notice] [pid 1${bin === 'httpd' ? ':tid 1' : ''}] AH00094: Command line: '${bin === 'httpd' ? 'httpd -D FOREGROUND' : 'apache2 -D FOREGROUND'}'` }],
      bindError: (port) => ({ lines: [`(98)Address in use: AH00072: make_sock: could not bind to address [::]:${port}`, `(98)Address in use: AH00072: make_sock: could not bind to address 0.0.0.0:${port}`, 'no listening sockets available, shutting down', 'AH00015: Unable to open logs'], status: 1, ms: 5 }),
    });
  };
}

const httpd: ProcModel = (ctx, argv) => {
  if (!isBusybox(ctx)) return apache('httpd')(ctx, argv);
  const { flags } = parseFlags(argv.slice(1), ['p', 'h', 'c', 'u', 'r', 'm', 'e', 'd']);
  const port = Number((flags.get('p') ?? '80').split(':').pop());
  const home = stat(ctx, flags.get('h') ?? '.').abs;
  const files = ctx.world.list(home, ctx.t).map((n) => `/${n}`);
  const routes: HttpRoute[] = [...(files.includes('/index.html') ? [{ path: '/', status: 200 }] : []), ...files.map((path) => ({ path, status: 200 })), { path: '*', status: 404 }];
  if (!flags.has('f')) return daemonize(ctx, [{ port, routes }], 2);
  return serve(ctx, { ports: [{ port, routes }], startupMs: 2, traits: { handlesSigterm: false, sigtermExitCode: 137, stopDelayMs: 0 },
    bindError: () => ({ lines: ['httpd: bind: Address in use'], status: 1, ms: 1 }) });
};

const redisTime = (ctx: ProcContext, dt: number) => strftime(wallMs(ctx, dt), '%d %b %Y %H:%M:%S.%L');

/** redis-server [config] [--port N] [--replicaof host port]. */
export const redisServer: ProcModel = (ctx, argv) => {
  const version = versionOf(ctx, '7.4.2');
  const conf = argv.slice(1).find((a) => !a.startsWith('-') && /\.conf$|\//.test(a));
  let port = 6379;
  if (conf) {
    const st = stat(ctx, conf);
    if (st.exists === 'no') {
      out(ctx, `\n*** FATAL CONFIG FILE ERROR (Redis ${version}) ***\nFatal error, can't open config file '${st.abs}': No such file or directory\n`);
      return done(ctx, 1, 2);
    }
    port = Number(/^\s*port\s+(\d+)/m.exec(st.content)?.[1] ?? port);
  }
  const p = argv.indexOf('--port');
  if (p > 0) port = Number(argv[p + 1]);
  const master = argv.indexOf('--replicaof') > 0 ? argv.indexOf('--replicaof') : argv.indexOf('--slaveof');
  const logs: { dt: number; line: string }[] = [];
  const c = (dt: number, text: string) => logs.push({ dt, line: `1:C ${redisTime(ctx, dt)} ${text}` });
  const m = (dt: number, text: string) => logs.push({ dt, line: `1:${master > 0 ? 'S' : 'M'} ${redisTime(ctx, dt)} ${text}` });
  c(0, '* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  c(0, `* Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`);
  c(0, conf ? '* Configuration loaded' : '# Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
  m(1, '* monotonic clock: POSIX clock_gettime');
  m(1, `* Running mode=standalone, port=${port}.`);
  m(2, '* Server initialized');
  if (master > 0) m(2, `* Connecting to MASTER ${argv[master + 1]}:${argv[master + 2]}`);
  m(2, '* Ready to accept connections tcp');
  return serve(ctx, {
    ports: [{ port }], startupMs: 2, traits: exitsOnSigterm(0, 50), logs,
    bindError: () => ({ lines: [`1:M ${redisTime(ctx, 2)} # Warning: Could not create server TCP listening socket *:${port}: bind: Address already in use`, `1:M ${redisTime(ctx, 2)} # Failed listening on port ${port} (tcp), aborting.`], status: 1, ms: 1 }),
  });
};

const pgTime = (ctx: ProcContext, dt: number) => strftime(wallMs(ctx, dt), '%Y-%m-%d %H:%M:%S.%L UTC');

/** The postgres server itself; `initMs` is the entrypoint's initdb time before it (0 when data exists). */
export function postgresServer(ctx: ProcContext, initMs: number): ProcResult {
  const v = versionOf(ctx, '17.2');
  const at = initMs + 100;
  const log = (dt: number, m: string) => ({ dt, line: `${pgTime(ctx, dt)} [1] LOG:  ${m}` });
  return serve(ctx, {
    ports: [{ port: 5432 }], startupMs: at, traits: exitsOnSigterm(0, 300),
    logs: [log(initMs, `starting PostgreSQL ${v} on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`), log(initMs, 'listening on IPv4 address "0.0.0.0", port 5432'),
      log(initMs, 'listening on IPv6 address "::", port 5432'), log(initMs, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'), log(at, 'database system is ready to accept connections')],
    bindError: () => ({ lines: [`${pgTime(ctx, at)} [1] LOG:  could not bind IPv4 address "0.0.0.0": Address in use`, `${pgTime(ctx, at)} [1] FATAL:  could not create any TCP/IP sockets`], status: 1, ms: 5 }),
  });
}

const postgresDirect: ProcModel = (ctx) => {
  err(ctx, '"root" execution of the PostgreSQL server is not permitted.\nThe server must be started under an unprivileged user ID to prevent\npossible system security compromise.  See the documentation for\nmore information on how to properly start the server.\n');
  return done(ctx, 1, 5);
};

/** mysqld / mariadbd after the entrypoint's initialization (`initMs`). */
export function mysqlServer(ctx: ProcContext, initMs: number, maria: boolean): ProcResult {
  const v = versionOf(ctx, maria ? '11.4.4' : '8.0.40');
  const ts = (dt: number) => strftime(wallMs(ctx, dt), '%Y-%m-%dT%H:%M:%S.%L000Z');
  const at = initMs + 1500;
  const x = !maria && !v.startsWith('5.');
  const logs = maria
    ? [{ dt: at, line: `${strftime(wallMs(ctx, at), '%Y-%m-%d %H:%M:%S')} 0 [Note] mariadbd: ready for connections.` }, { dt: at, line: `Version: '${v}-MariaDB-ubu2404'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution` }]
    : [{ dt: initMs, line: `${ts(initMs)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld ${v}) starting as process 1` },
      { dt: at, line: `${ts(at)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${v}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.` }];
  return serve(ctx, { ports: [{ port: 3306 }, ...(x ? [{ port: 33060 }] : [])], startupMs: at, logs, traits: exitsOnSigterm(0, 1500),
    bindError: () => ({ lines: [`${ts(at)} 0 [ERROR] [MY-010262] [Server] Can't start server: Bind on TCP/IP port: Address already in use`], status: 1, ms: 5 }) });
}

const mysqldDirect: ProcModel = (ctx) => {
  const ts = strftime(wallMs(ctx), '%Y-%m-%dT%H:%M:%S.%L000Z');
  err(ctx, `${ts} 0 [ERROR] [MY-010123] [Server] Fatal error: Please read "Security" section of the manual to find out how to run mysqld as root!\n${ts} 0 [ERROR] [MY-010119] [Server] Aborting\n`);
  return done(ctx, 1, 300);
};

const mongod: ProcModel = (ctx) => serve(ctx, {
  ports: [{ port: 27017 }], startupMs: 800, traits: exitsOnSigterm(0, 500),
  logs: [{ dt: 800, line: `{"t":{"$date":"${strftime(wallMs(ctx, 800), '%Y-%m-%dT%H:%M:%S.%L+00:00')}"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}` }],
});

const memcached: ProcModel = (ctx, argv) => {
  const { flags } = parseFlags(argv.slice(1), ['p', 'm', 'c', 'u', 'l', 't', 'U', 'I']);
  return serve(ctx, { ports: [{ port: Number(flags.get('p') ?? 11211) }], startupMs: 5, traits: exitsOnSigterm(0, 20) });
};

const rabbitmq: ProcModel = (ctx) => {
  const ports = ctx.image.ports.filter((p) => [5672, 15672, 15692, 4369, 25672].includes(p.port)).map((p) => ({ port: p.port, ...(p.port === 15672 || p.port === 15692 ? { routes: anyPath } : {}) }));
  const ts = (dt: number) => strftime(wallMs(ctx, dt), '%Y-%m-%d %H:%M:%S.%L000+00:00');
  return serve(ctx, { ports, startupMs: 8000, traits: exitsOnSigterm(0, 3000),
    logs: [{ dt: 500, line: `${ts(500)} [info] <0.230.0> Starting RabbitMQ ${versionOf(ctx, '4.0.5')} on Erlang 27.2` }, { dt: 8000, line: `${ts(8000)} [info] <0.650.0> Server startup complete; ${ports.some((p) => p.port === 15672) ? 5 : 3} plugins started.` }] });
};

export const SERVERS: Record<string, ProcModel> = {
  nginx, 'nginx-debug': nginx, httpd, 'httpd-foreground': apache('httpd'), 'apache2-foreground': apache('apache2'), apache2: apache('apache2'),
  'redis-server': redisServer, postgres: postgresDirect, mysqld: mysqldDirect, mariadbd: mysqldDirect, mongod, memcached, 'rabbitmq-server': rabbitmq,
};
