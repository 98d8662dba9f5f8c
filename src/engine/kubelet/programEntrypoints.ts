/**
 * Image entrypoint scripts (docker-entrypoint.sh and friends): how they rewrite their arguments
 * (`-flag` → `server -flag`), the checks and first-start initialisation they do (a database without
 * a password setting refuses to start), and the `exec "$@"` that makes the server PID 1.
 */
import { resolveExecutable, spawn, type ProcContext, type ProcModel, type ProcResult } from './programProcess';
import { serve, versionOf } from './programServe';
import { mysqlServer, postgresServer, redisServer } from './programServers';
import { done, err, out, stat, strftime, wallMs } from './programUtil';

/** `exec "$@"` at `line` of `script`: an unknown command fails the way bash reports it. */
function execArgs(ctx: ProcContext, script: string, line: number, args: string[]): ProcResult {
  if (args.length === 0) return done(ctx, 0, 5);
  if (resolveExecutable(args[0], ctx).kind === 'missing') {
    err(ctx, `${script}: line ${line}: exec: ${args[0]}: not found\n`);
    return done(ctx, 127, 5);
  }
  return spawn(ctx, args, { t: ctx.t + 5 });
}

/** The common rewrite: a first argument that is a flag (or matches `also`) runs the main binary with it. */
const prepend = (main: string[], args: string[], also?: (a: string) => boolean) =>
  (args.length === 0 || args[0].startsWith('-') || also?.(args[0]) ? [...main, ...args] : args);

const simple = (script: string, line: number, main: string[], also?: (ctx: ProcContext, a: string) => boolean): ProcModel =>
  (ctx, argv) => execArgs(ctx, script, line, prepend(main, argv.slice(1), also && ((a) => also(ctx, a))));

const nginxEntry: ProcModel = (ctx, argv) => {
  const args = argv.slice(1);
  if ((args[0] === 'nginx' || args[0] === 'nginx-debug') && !ctx.env.NGINX_ENTRYPOINT_QUIET_LOGS) {
    const s = '/docker-entrypoint.sh';
    const steps = [`${s}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`, `${s}: Looking for shell scripts in /docker-entrypoint.d/`,
      `${s}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`, '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf', `${s}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`,
      `${s}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`, `${s}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`, `${s}: Configuration complete; ready for start up`];
    out(ctx, steps.map((l) => `${l}\n`).join(''), 2);
  }
  return execArgs(ctx, '/docker-entrypoint.sh', 47, args);
};

const hasAny = (ctx: ProcContext, names: string[]) => names.some((n) => !!ctx.env[n]);

const postgresEntry: ProcModel = (ctx, argv) => {
  const args = prepend(['postgres'], argv.slice(1));
  if (args[0] !== 'postgres') return execArgs(ctx, '/usr/local/bin/docker-entrypoint.sh', 351, args);
  const pgdata = ctx.env.PGDATA ?? '/var/lib/postgresql/data';
  if (stat(ctx, `${pgdata}/PG_VERSION`).exists === 'yes') {
    out(ctx, '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n');
    return postgresServer(ctx, 50);
  }
  if (!ctx.env.POSTGRES_PASSWORD && ctx.env.POSTGRES_HOST_AUTH_METHOD !== 'trust') {
    err(ctx, 'Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n\n       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all\n       connections without a password. This is *not* recommended.\n\n       See PostgreSQL documentation about "trust":\n       https://www.postgresql.org/docs/current/auth-trust.html\n', 20);
    return done(ctx, 1, 25);
  }
  out(ctx, 'The files belonging to this database system will be owned by user "postgres".\nThis user must also own the server process.\n\n', 20);
  out(ctx, `Success. You can now start the database server using:\n\n    pg_ctl -D ${pgdata} -l logfile start\n\n`, 1500);
  out(ctx, '\nPostgreSQL init process complete; ready for start up.\n\n', 2400);
  ctx.world.write(`${pgdata}/PG_VERSION`, ctx.t + 1500, `${versionOf(ctx, '17').split('.')[0]}\n`, false);
  return postgresServer(ctx, 2500);
};

function mysqlEntry(maria: boolean): ProcModel {
  return (ctx, argv) => {
    const main = maria ? 'mariadbd' : 'mysqld';
    const args = prepend([main], argv.slice(1));
    if (args[0] !== 'mysqld' && args[0] !== 'mariadbd') return execArgs(ctx, '/usr/local/bin/docker-entrypoint.sh', maria ? 700 : 434, args);
    const v = versionOf(ctx, maria ? '11.4.4' : '8.0.40');
    const ts = (dt: number) => strftime(wallMs(ctx, dt), '%Y-%m-%d %H:%M:%S+00:00');
    const pkg = v.startsWith('5.6') ? `${v}-1debian9` : v.startsWith('5.7') ? `${v}-1.el7` : `${v}-1.el9`;
    const note = (dt: number, m: string) => out(ctx, `${ts(dt)} [Note] [Entrypoint]: ${m}\n`, dt);
    note(0, maria ? `Entrypoint script for MariaDB Server 1:${v}+maria~ubu2404 started.` : `Entrypoint script for MySQL Server ${pkg} started.`);
    note(5, `Switching to dedicated user 'mysql'`);
    note(10, maria ? `Entrypoint script for MariaDB Server 1:${v}+maria~ubu2404 started.` : `Entrypoint script for MySQL Server ${pkg} started.`);
    if (stat(ctx, '/var/lib/mysql/mysql').exists === 'yes') return mysqlServer(ctx, 100, maria);
    const ok = maria
      ? hasAny(ctx, ['MARIADB_ROOT_PASSWORD', 'MARIADB_ROOT_PASSWORD_HASH', 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD', 'MARIADB_RANDOM_ROOT_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'])
      : hasAny(ctx, ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD']);
    if (!ok) {
      err(ctx, maria
        ? `${ts(20)} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD\n`
        : `${ts(20)} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n`, 20);
      return done(ctx, 1, 25);
    }
    const initMs = maria ? 4000 : v.startsWith('5.6') ? 6000 : v.startsWith('5.7') ? 9000 : 12_000;
    note(30, 'Initializing database files');
    note(initMs / 2, 'Database files initialized');
    note(initMs / 2 + 100, 'Starting temporary server');
    note(initMs - 200, 'Stopping temporary server');
    note(initMs - 100, 'Temporary server stopped');
    out(ctx, `\n${ts(initMs)} [Note] [Entrypoint]: ${maria ? 'MariaDB' : 'MySQL'} init process done. Ready for start up.\n\n`, initMs);
    ctx.world.mkdir('/var/lib/mysql/mysql', ctx.t + initMs / 2);
    return mysqlServer(ctx, initMs, maria);
  };
}

const redisFollower: ProcModel = (ctx) => {
  const leader = ctx.image.repository.includes('follower') ? 'redis-leader' : ctx.env.GET_HOSTS_FROM === 'env' ? ctx.env.REDIS_MASTER_SERVICE_HOST ?? 'redis-master' : 'redis-master';
  return redisServer({ ...ctx, t: ctx.t + 5 }, ['redis-server', ctx.image.repository.includes('follower') ? '--replicaof' : '--slaveof', leader, '6379']);
};

/** Bitnami: the banner from entrypoint.sh, then run.sh starts the service after its checks. */
function bitnami(name: string): Record<string, ProcModel> {
  const ts = (ctx: ProcContext, dt: number) => `${name} ${strftime(wallMs(ctx, dt), '%H:%M:%S.%L').slice(0, -1)}`;
  const banner: ProcModel = (ctx, argv) => {
    const lines = ['', `Welcome to the Bitnami ${name} container`, 'Subscribe to project updates by watching https://github.com/bitnami/containers', 'Submit issues and feature requests at https://github.com/bitnami/containers/issues', ''];
    out(ctx, lines.map((l) => `${ts(ctx, 0)} INFO  ==> ${l}\n`).join(''));
    return execArgs(ctx, `/opt/bitnami/scripts/${name}/entrypoint.sh`, 30, argv.slice(1));
  };
  const required: Record<string, [string[], string]> = {
    redis: [['REDIS_PASSWORD'], 'The REDIS_PASSWORD environment variable is empty or not set. Set the environment variable ALLOW_EMPTY_PASSWORD=yes to allow the container to be started with blank passwords. This is recommended only for development.'],
    postgresql: [['POSTGRESQL_PASSWORD', 'POSTGRES_PASSWORD'], 'The POSTGRESQL_PASSWORD environment variable is empty or not set. Set the environment variable ALLOW_EMPTY_PASSWORD=yes to allow the container to be started with blank passwords. This is recommended only for development.'],
    mysql: [['MYSQL_ROOT_PASSWORD'], 'The MYSQL_ROOT_PASSWORD environment variable is empty or not set. Set the environment variable ALLOW_EMPTY_PASSWORD=yes to allow the container to be started with blank passwords. This is recommended only for development.'],
    mariadb: [['MARIADB_ROOT_PASSWORD'], 'The MARIADB_ROOT_PASSWORD environment variable is empty or not set. Set the environment variable ALLOW_EMPTY_PASSWORD=yes to allow the container to be started with blank passwords. This is recommended only for development.'],
    mongodb: [['MONGODB_ROOT_PASSWORD'], 'The MONGODB_ROOT_PASSWORD environment variable is empty or not set. Set the environment variable ALLOW_EMPTY_PASSWORD=yes to allow the container to be started with blank passwords. This is recommended only for development.'],
    zookeeper: [['ZOO_ENABLE_AUTH'], 'Anonymous login is not allowed. Set the environment variable ALLOW_ANONYMOUS_LOGIN=yes to allow it.'],
  };
  const run: ProcModel = (ctx) => {
    out(ctx, `${ts(ctx, 10)} INFO  ==> ** Starting ${name} setup **\n`, 10);
    const req = required[name];
    if (req && !hasAny(ctx, req[0]) && ctx.env.ALLOW_EMPTY_PASSWORD !== 'yes' && ctx.env.ALLOW_ANONYMOUS_LOGIN !== 'yes') {
      err(ctx, `${ts(ctx, 30)} ERROR ==> ${req[1]}\n`, 30);
      return done(ctx, 1, 35);
    }
    out(ctx, `${ts(ctx, 200)} INFO  ==> ** ${name} setup finished! **\n${ts(ctx, 210)} INFO  ==> ** Starting ${name} **\n`, 200);
    const ports = ctx.image.ports.map((p) => ({ port: p.port, ...(['nginx', 'apache', 'wordpress'].includes(name) ? { routes: [{ path: '*', status: 200 }] } : {}) }));
    return serve(ctx, { ports, startupMs: name === 'nginx' || name === 'redis' || name === 'memcached' ? 250 : 5000, traits: { handlesSigterm: true, sigtermExitCode: 0, stopDelayMs: 500 } });
  };
  return { [`bitnami-${name}:entrypoint.sh`]: banner, [`bitnami-${name}:run.sh`]: run };
}

const phpEntry: ProcModel = simple('/usr/local/bin/docker-php-entrypoint', 9, ['php']);

export const ENTRYPOINTS: Record<string, ProcModel> = {
  'docker-entrypoint.sh': (ctx, argv) => execArgs(ctx, argv[0], 10, argv.slice(1)),
  'nginx:docker-entrypoint.sh': nginxEntry, 'nginxdemos-hello:docker-entrypoint.sh': nginxEntry,
  'redis:docker-entrypoint.sh': simple('/usr/local/bin/docker-entrypoint.sh', 16, ['redis-server'], (_c, a) => a.endsWith('.conf')),
  'postgres:docker-entrypoint.sh': postgresEntry, 'mysql:docker-entrypoint.sh': mysqlEntry(false), 'mariadb:docker-entrypoint.sh': mysqlEntry(true),
  'mongo:docker-entrypoint.sh': simple('/usr/local/bin/docker-entrypoint.sh', 453, ['mongod']),
  'memcached:docker-entrypoint.sh': simple('/usr/local/bin/docker-entrypoint.sh', 9, ['memcached']),
  'rabbitmq:docker-entrypoint.sh': simple('/usr/local/bin/docker-entrypoint.sh', 25, ['rabbitmq-server']),
  'node:docker-entrypoint.sh': simple('/usr/local/bin/docker-entrypoint.sh', 11, ['node'], (ctx, a) => resolveExecutable(a, ctx).kind !== 'model'),
  'bash:docker-entrypoint.sh': simple('/usr/local/bin/docker-entrypoint.sh', 10, ['bash']),
  'haproxy:docker-entrypoint.sh': (ctx, argv) => { const a = prepend(['haproxy'], argv.slice(1)); return execArgs(ctx, '/usr/local/bin/docker-entrypoint.sh', 12, a[0] === 'haproxy' ? ['haproxy', '-W', '-db', ...a.slice(1)] : a); },
  'minio:docker-entrypoint.sh': simple('/usr/bin/docker-entrypoint.sh', 24, ['minio'], (_c, a) => a !== 'minio'),
  'cassandra:docker-entrypoint.sh': simple('/usr/local/bin/docker-entrypoint.sh', 83, ['cassandra', '-f']),
  'wordpress:docker-entrypoint.sh': (ctx, argv) => {
    if (/^apache2|^php-fpm/.test(argv[1] ?? '')) out(ctx, 'WordPress not found in /var/www/html - copying now...\nComplete! WordPress has been successfully copied to /var/www/html\n', 300);
    return execArgs(ctx, '/usr/local/bin/docker-entrypoint.sh', 234, argv.slice(1));
  },
  'docker-php-entrypoint': phpEntry,
  php: (ctx, argv) => { if (argv[1] === '-a') out(ctx, 'Interactive shell\n\n'); return done(ctx, 0, 20); },
  'traefik:entrypoint.sh': simple('/entrypoint.sh', 13, ['traefik']),
  'registry:entrypoint.sh': (ctx, argv) => {
    const a = argv.slice(1);
    return execArgs(ctx, '/entrypoint.sh', 13, /\.ya?ml$/.test(a[0] ?? '') ? ['registry', 'serve', ...a] : ['serve', 'garbage-collect', 'help'].includes(a[0] ?? '') || (a[0] ?? '').startsWith('-') ? ['registry', ...a] : a);
  },
  'curl:entrypoint.sh': simple('/entrypoint.sh', 7, ['curl'], (ctx, a) => resolveExecutable(a, ctx).kind === 'missing'),
  'fluentd:entrypoint.sh': (ctx, argv) => execArgs(ctx, '/bin/entrypoint.sh', 28, argv.slice(1)),
  'fluentd:run.sh': (ctx) => execArgs(ctx, '/run.sh', 25, [ctx.image.binaries.includes('td-agent') ? 'td-agent' : 'fluentd']),
  'grafana:run.sh': (ctx) => execArgs(ctx, '/run.sh', 80, ['grafana']),
  'redis-follower:run.sh': redisFollower,
  'k8s-cassandra:run.sh': (ctx) => execArgs(ctx, '/run.sh', 90, ['cassandra', '-f']),
  'cockroach.sh': (ctx, argv) => execArgs(ctx, '/cockroach/cockroach.sh', 50, ['/cockroach/cockroach', ...argv.slice(1)]),
  'tf_serving_entrypoint.sh': (ctx, argv) => execArgs(ctx, '/usr/bin/tf_serving_entrypoint.sh', 3, ['tensorflow_model_server', '--port=8500', '--rest_api_port=8501',
    `--model_name=${ctx.env.MODEL_NAME ?? 'model'}`, `--model_base_path=${ctx.env.MODEL_BASE_PATH ?? '/models'}/${ctx.env.MODEL_NAME ?? 'model'}`, ...argv.slice(1)]),
  ...['nginx', 'apache', 'redis', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'memcached', 'rabbitmq', 'kafka', 'zookeeper', 'wordpress'].reduce((acc, n) => ({ ...acc, ...bitnami(n) }), {}),
};
