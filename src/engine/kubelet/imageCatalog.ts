/**
 * The built-in image catalog: real repositories and tags, approximate compressed sizes, and the
 * image config (Entrypoint, Cmd, exposed ports, WorkingDir) as the registries publish them.
 * Pure data plus the helpers that keep it short; lookups live in images.ts.
 */

/** The base layer decides which everyday binaries exist (busybox applets, coreutils, …). */
export type BaseOs = 'busybox' | 'alpine' | 'debian' | 'ubuntu' | 'rhel' | 'buildpack' | 'scratch';

/** What changes for a tag variant such as `1.25-alpine`, `stable-alpine` or `alpine`. */
export interface VariantSpec {
  /** Regular expression source for the suffix after `-` (or the whole tag when `alone`). */
  suffix: string;
  /** The suffix is also a tag on its own (`nginx:alpine`). */
  alone?: boolean;
  mb?: number;
  base?: BaseOs;
  entrypoint?: string[];
  cmd?: string[];
  ports?: string;
  bins?: string;
  family?: string;
}

export interface RepoSpec {
  /** Normalized repository, e.g. `docker.io/library/nginx`. */
  repo: string;
  /** Names the program model that runs the default process (default: last path element). */
  family?: string;
  tags: string[];
  /** Tags beyond the list, as a regular expression source (version schemes like `v1.2.3`). */
  tagPattern?: string;
  variants?: VariantSpec[];
  /** Compressed size in MB (10^6 bytes). */
  mb: number;
  base: BaseOs;
  /** Space-separated executables the image adds to its base. */
  bins?: string;
  entrypoint?: string[];
  cmd?: string[];
  /** Space-separated `port[/UDP]`. */
  ports?: string;
  workingDir?: string;
}

/** `series('1.25', 5)` → 1.25, 1.25.0 … 1.25.5 (the minor tag and its patch releases). */
export function series(minor: string, lastPatch: number, firstPatch = 0): string[] {
  const out = [minor];
  for (let p = firstPatch; p <= lastPatch; p++) out.push(`${minor}.${p}`);
  return out;
}

/** Several minors at once: `many('3.', [[21, 3], [20, 6]])`. */
export function many(prefix: string, minors: [number, number][]): string[] {
  return minors.flatMap(([minor, last]) => series(`${prefix}${minor}`, last));
}

const DEB_SUFFIXES = 'bookworm|bullseye|buster|trixie';
const alpine = (mb: number, extra: Partial<VariantSpec> = {}): VariantSpec =>
  ({ suffix: 'alpine(3\\.\\d{1,2})?', alone: true, mb, base: 'alpine', ...extra });
const debianVariants = (slimMb: number): VariantSpec[] =>
  [{ suffix: DEB_SUFFIXES, alone: true }, { suffix: 'slim(-bookworm|-bullseye|-buster|-trixie)?|(bookworm|bullseye|buster|trixie)-slim', alone: true, mb: slimMb, base: 'debian' }];

const BUSYBOX_TAGS = ['latest', 'stable', 'unstable', 'musl', 'glibc', 'uclibc', '1',
  ...many('1.', [[37, 0], [36, 1], [35, 0], [34, 1], [33, 1], [32, 1], [31, 1], [30, 1], [29, 3], [28, 4], [27, 2], [26, 2], [25, 1], [24, 2], [23, 2], [22, 1], [21, 1]])];

const NGINX_TAGS = ['latest', 'stable', 'mainline', '1',
  ...many('1.', [[29, 3], [28, 0], [27, 5], [26, 3], [25, 5], [24, 0], [23, 4], [22, 1], [21, 6], [20, 2], [19, 10], [18, 0], [17, 10], [16, 1], [15, 12], [14, 2], [13, 12], [12, 2], [11, 13], [10, 3], [9, 15], [7, 12]])];

const NGINX_VARIANTS: VariantSpec[] = [alpine(20), { suffix: 'alpine-slim', alone: true, mb: 5, base: 'alpine' },
  { suffix: 'alpine-perl|alpine-otel', alone: true, mb: 30, base: 'alpine' },
  { suffix: 'perl|otel|bookworm|bullseye|trixie|bookworm-perl|bullseye-perl|bookworm-otel', alone: true, mb: 72 }];

const REDIS_TAGS = ['latest', '8', '7', '6', '5', '4',
  ...many('8.', [[2, 1], [0, 3]]), ...many('7.', [[4, 5], [2, 10], [0, 15]]), ...many('6.', [[2, 17], [0, 20]]), ...series('5.0', 14), ...series('4.0', 14)];

const PG_TAGS = ['latest', '18', '17', '16', '15', '14', '13', '12', '11', '10', '9', '9.6', '9.6.24', '9.5', '9.4',
  '17.0', '17.1', '17.2', '17.3', '17.4', '17.5', '17.6',
  '16.0', '16.1', '16.2', '16.3', '16.4', '16.5', '16.6', '16.8', '16.9', '15.4', '15.5', '15.6', '15.8', '15.10', '15.13',
  '14.9', '14.10', '14.12', '14.15', '14.18', '13.13', '13.16', '13.21', '12.16', '12.22', '11.22', '10.23', '18.0'];

const MYSQL_TAGS = ['latest', 'lts', 'innovation', '9', '8', '5', '9.0', '9.1', '9.2', '9.3', '9.4', '9.0.1', '9.1.0', '9.2.0', '9.3.0',
  ...series('8.4', 6), ...series('8.0', 43, 11), ...series('5.7', 44, 16), ...series('5.6', 51, 30), '5.5', '5.5.62'];

const MARIADB_TAGS = ['latest', 'lts', '11', '10', ...many('11.', [[8, 2], [7, 2], [6, 2], [5, 2], [4, 7], [3, 2], [2, 6], [1, 3], [0, 6]]),
  ...many('10.', [[11, 13], [10, 7], [9, 8], [8, 8], [7, 8], [6, 22], [5, 27], [4, 34], [3, 39]])];

const NODE_TAGS = ['latest', 'lts', 'current', 'iron', 'hydrogen', 'jod', 'gallium', 'fermium', '24', '23', '22', '21', '20', '19', '18', '16', '14', '12', '10', '8', '6', '4',
  ...many('24.', [[0, 2], [1, 0], [11, 0]]), ...many('22.', [[0, 0], [11, 0], [12, 0], [13, 1], [14, 0], [15, 0], [16, 0], [17, 0], [18, 0], [20, 0]]), ...many('20.', [[9, 0], [10, 0], [11, 1], [12, 2], [15, 1], [16, 0], [17, 0], [18, 3], [19, 0]]),
  ...many('18.', [[12, 1], [16, 1], [17, 1], [18, 2], [19, 0], [20, 8]]), ...many('16.', [[13, 2], [14, 2], [15, 1], [17, 1], [18, 1], [19, 1], [20, 2]]), '14.21.3', '12.22.12', '10.24.1', '8.17.0', '6.17.1', '4.9.1', '4.4.7'];

const PYTHON_TAGS = ['latest', '3', '2', ...many('3.', [[14, 0], [13, 5], [12, 11], [11, 13], [10, 18], [9, 23], [8, 20], [7, 17], [6, 15], [5, 10]]), ...series('2.7', 18)];

const GOLANG_TAGS = ['latest', '1', ...many('1.', [[25, 1], [24, 5], [23, 10], [22, 12], [21, 13], [20, 14], [19, 13], [18, 10], [17, 13], [16, 15], [15, 15], [14, 15], [13, 15]])];

const ALPINE_TAGS = ['latest', 'edge', '3', ...many('3.', [[22, 1], [21, 3], [20, 6], [19, 7], [18, 12], [17, 10], [16, 9], [15, 11], [14, 10], [13, 12], [12, 12], [11, 13], [10, 9], [9, 6], [8, 5], [7, 3], [6, 5]])];

const UBUNTU_TAGS = ['latest', 'rolling', 'devel', 'noble', 'jammy', 'focal', 'bionic', 'xenial', 'trusty', 'oracular', 'plucky', 'questing', 'mantic', 'lunar', 'kinetic',
  '25.10', '25.04', '24.10', '24.04', '23.10', '23.04', '22.10', '22.04', '20.04', '18.04', '16.04', '14.04'];

const DEBIAN_TAGS = ['latest', 'stable', 'testing', 'unstable', 'sid', 'oldstable', 'oldoldstable', 'experimental', 'trixie', 'bookworm', 'bullseye', 'buster', 'stretch', 'jessie', 'wheezy',
  '13', '12', '11', '10', '9', '8', '7', ...series('12', 11).slice(1), ...series('11', 11).slice(1), ...series('10', 13).slice(1), ...series('9', 13).slice(1), '13.0', '13.1'];

const k8sTags = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `2.${from + i}`);

const BITNAMI_PORTS: Record<string, string> = { nginx: '8080 8443', apache: '8080 8443', redis: '6379', postgresql: '5432', mysql: '3306', mariadb: '3306', mongodb: '27017',
  memcached: '11211', rabbitmq: '4369 5551 5552 5671 5672 15671 15672 25672', kafka: '9092', zookeeper: '2181 2888 3888 8080', wordpress: '8080 8443' };

/** Bitnami images: Debian-based, non-root, an entrypoint script that prints the Bitnami banner then runs run.sh. */
function bitnami(owner: string, name: string): RepoSpec {
  const tools = name === 'kubectl' || name === 'os-shell' || name === 'minideb';
  return {
    repo: `docker.io/${owner}/${name}`, family: `bitnami-${name}`, tags: ['latest'],
    tagPattern: '\\d{1,2}(\\.\\d{1,2}(\\.\\d{1,3})?)?(-debian-1[12]-r\\d{1,3})?', mb: tools ? 30 : 90, base: 'debian',
    bins: `${name === 'postgresql' ? 'postgres psql pg_isready' : name === 'redis' ? 'redis-server redis-cli' : name === 'mysql' || name === 'mariadb' ? 'mysqld mysql mysqladmin' : name} curl`,
    entrypoint: name === 'kubectl' ? ['kubectl'] : tools ? undefined : [`/opt/bitnami/scripts/${name}/entrypoint.sh`],
    cmd: name === 'kubectl' ? ['--help'] : tools ? ['/bin/bash'] : [`/opt/bitnami/scripts/${name}/run.sh`],
    ports: BITNAMI_PORTS[name], workingDir: tools ? undefined : `/opt/bitnami/${name}`,
  };
}

/** Every repository the catalog knows. Sizes are the compressed layer totals for linux/amd64, rounded. */
export const REPOS: RepoSpec[] = [
  { repo: 'docker.io/library/nginx', tags: NGINX_TAGS, variants: NGINX_VARIANTS, mb: 68, base: 'debian', bins: 'nginx nginx-debug curl envsubst', entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], ports: '80' },
  { repo: 'docker.io/library/httpd', tags: ['latest', '2', ...series('2.4', 65, 33), '2.2', '2.2.34'], variants: [alpine(22), { suffix: 'bookworm|bullseye|trixie', alone: true }], mb: 58, base: 'debian', bins: 'httpd apachectl httpd-foreground htpasswd ab', cmd: ['httpd-foreground'], ports: '80', workingDir: '/usr/local/apache2' },
  { repo: 'docker.io/library/busybox', tags: BUSYBOX_TAGS, variants: [{ suffix: 'musl|glibc|uclibc' }], mb: 2.2, base: 'busybox', cmd: ['sh'] },
  { repo: 'registry.k8s.io/busybox', tags: ['latest', '1.24', '1.27', '1.27.2'], mb: 1.1, base: 'busybox', cmd: ['sh'] },
  { repo: 'registry.k8s.io/e2e-test-images/busybox', tags: ['1.29', '1.29-1', '1.29-2', '1.29-4', '1.36.1-1', '1.37.0-1'], mb: 1.4, base: 'busybox', cmd: ['sh'] },
  { repo: 'docker.io/radial/busyboxplus', tags: ['latest', 'curl', 'git', 'base'], mb: 4.2, base: 'busybox', bins: 'curl', cmd: ['/bin/sh'] },
  { repo: 'docker.io/library/alpine', tags: ALPINE_TAGS, mb: 3.6, base: 'alpine', cmd: ['/bin/sh'] },
  { repo: 'docker.io/library/ubuntu', tags: UBUNTU_TAGS, mb: 29.7, base: 'ubuntu', cmd: ['/bin/bash'] },
  { repo: 'docker.io/library/debian', tags: DEBIAN_TAGS, variants: [{ suffix: 'slim', mb: 28.2 }, { suffix: 'backports' }], mb: 49.6, base: 'debian', cmd: ['bash'] },
  { repo: 'docker.io/library/fedora', tags: ['latest', 'rawhide', '43', '42', '41', '40', '39', '38', '37', '36', '35'], mb: 61, base: 'rhel', cmd: ['/bin/bash'] },
  { repo: 'docker.io/library/centos', tags: ['latest', '8', '7', 'centos8', 'centos7', '7.9.2009', '8.4.2105'], mb: 75, base: 'rhel', cmd: ['/bin/bash'] },
  { repo: 'docker.io/library/bash', tags: ['latest', 'devel', '5', '4', '3', '5.3', '5.2', '5.1', '5.0', '4.4', '3.2', '5.2.37', '5.2.26', '5.2.21', '5.1.16', '4.4.23'], variants: [{ suffix: 'alpine3\\.\\d{1,2}' }], mb: 6.2, base: 'alpine', bins: 'bash', entrypoint: ['docker-entrypoint.sh'], cmd: ['bash'] },
  { repo: 'docker.io/library/redis', tags: REDIS_TAGS, variants: [alpine(17), { suffix: 'bookworm|bullseye|buster', alone: true }], mb: 45, base: 'debian', bins: 'redis-server redis-cli redis-benchmark redis-sentinel redis-check-aof redis-check-rdb gosu', entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], ports: '6379', workingDir: '/data' },
  { repo: 'registry.k8s.io/redis', tags: ['e2e', 'latest'], mb: 150, base: 'ubuntu', bins: 'redis-server redis-cli', cmd: ['redis-server'], ports: '6379' },
  { repo: 'docker.io/library/postgres', tags: PG_TAGS, variants: [alpine(105), { suffix: 'bookworm|bullseye|trixie', alone: true }], mb: 158, base: 'debian', bins: 'postgres psql pg_isready initdb pg_ctl pg_dump pg_dumpall pg_restore createdb dropdb gosu', entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'], ports: '5432' },
  { repo: 'docker.io/library/mysql', tags: MYSQL_TAGS, variants: [{ suffix: 'oracle|oraclelinux8|oraclelinux9', alone: true }, { suffix: 'debian', alone: true, base: 'debian', mb: 160 }], mb: 172, base: 'rhel', bins: 'mysqld mysql mysqladmin mysqldump mysqlcheck mysql_upgrade mysqlsh gosu', entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'], ports: '3306 33060' },
  { repo: 'docker.io/library/mariadb', tags: MARIADB_TAGS, variants: [{ suffix: 'jammy|noble|focal|ubi|ubi9', alone: true }], mb: 118, base: 'ubuntu', bins: 'mariadbd mariadb mariadb-admin mariadb-dump healthcheck.sh gosu mysqld mysql mysqladmin mysqldump', entrypoint: ['docker-entrypoint.sh'], cmd: ['mariadbd'], ports: '3306' },
  { repo: 'docker.io/library/mongo', tags: ['latest', '8', '7', '6', '5', '4', '8.0', '7.0', '6.0', '5.0', '4.4', '4.2', '4.0', '3.6', '8.0.4', '8.0.9', '7.0.12', '7.0.16', '6.0.16', '6.0.19', '5.0.28', '5.0.31', '4.4.29'], variants: [{ suffix: 'jammy|noble|focal|bionic', alone: true }], mb: 255, base: 'ubuntu', bins: 'mongod mongos mongosh mongo mongodump mongorestore gosu', entrypoint: ['docker-entrypoint.sh'], cmd: ['mongod'], ports: '27017', workingDir: '/' },
  { repo: 'docker.io/library/memcached', tags: ['latest', '1', ...series('1.6', 38, 6), ...series('1.5', 22)], variants: [alpine(5.5), { suffix: 'bookworm|bullseye|trixie', alone: true }], mb: 31, base: 'debian', bins: 'memcached', entrypoint: ['docker-entrypoint.sh'], cmd: ['memcached'], ports: '11211' },
  { repo: 'docker.io/library/rabbitmq', tags: ['latest', '4', '3', '4.1', '4.0', '3.13', '3.12', '3.11', '3.10', '3.9', '3.8', '4.1.0', '4.0.5', '3.13.7', '3.12.14', '3.11.28', '3.10.25', '3.9.29', '3.8.34'], variants: [alpine(50), { suffix: 'management', alone: true, mb: 115, ports: '4369 5671 5672 15671 15672 15691 15692 25672' }, { suffix: 'management-alpine', alone: true, mb: 65, base: 'alpine', ports: '4369 5671 5672 15671 15672 15691 15692 25672' }], mb: 100, base: 'ubuntu', bins: 'rabbitmq-server rabbitmqctl rabbitmq-diagnostics rabbitmq-plugins erl', entrypoint: ['docker-entrypoint.sh'], cmd: ['rabbitmq-server'], ports: '4369 5671 5672 15691 15692 25672' },
  { repo: 'docker.io/library/node', tags: NODE_TAGS, variants: [alpine(48), ...debianVariants(72)], mb: 395, base: 'buildpack', bins: 'node npm npx yarn corepack', entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] },
  { repo: 'docker.io/library/python', tags: PYTHON_TAGS, variants: [alpine(20), ...debianVariants(45)], mb: 385, base: 'buildpack', bins: 'python python3 pip pip3 pydoc', cmd: ['python3'] },
  { repo: 'docker.io/library/golang', tags: GOLANG_TAGS, variants: [alpine(80), ...debianVariants(250)], mb: 295, base: 'buildpack', bins: 'go gofmt', cmd: ['bash'], workingDir: '/go' },
  { repo: 'docker.io/library/perl', tags: ['latest', '5', '5.42', '5.40', '5.38', '5.36', '5.34', '5.32', '5.30', '5.42.0', '5.40.2', '5.40.0', '5.38.4', '5.38.2', '5.36.3', '5.34.3'], variants: [{ suffix: 'slim|threaded|slim-threaded|bookworm|bullseye|slim-bookworm|threaded-bookworm', alone: true, mb: 40 }], mb: 335, base: 'buildpack', bins: 'perl cpan cpanm perl5.40.0 perldoc', cmd: ['perl5.40.0', '-de0'], workingDir: '/' },
  { repo: 'docker.io/library/php', tags: ['latest', '8', '7', '8.4', '8.3', '8.2', '8.1', '8.0', '7.4', '5.6', '8.3.14', '8.2.26', '7.4.33'], variants: [{ suffix: 'cli', alone: true }, { suffix: 'apache|apache-bookworm', alone: true, mb: 180, cmd: ['apache2-foreground'], ports: '80', family: 'php-apache' }, { suffix: 'fpm|fpm-alpine', alone: true, cmd: ['php-fpm'], ports: '9000', family: 'php-fpm' }, alpine(35)], mb: 170, base: 'buildpack', bins: 'php apache2 apache2-foreground php-fpm docker-php-ext-install', entrypoint: ['docker-php-entrypoint'], cmd: ['php', '-a'], workingDir: '/var/www/html' },
  { repo: 'docker.io/library/wordpress', tags: ['latest', '6', '6.8', '6.7', '6.6', '6.5', '5', '4.8', '4.9', '6.7.1', '6.8.1', 'apache', 'fpm', 'php8.2', 'php8.3', 'php8.2-apache', 'php8.3-apache'], variants: [{ suffix: 'apache', alone: true }, { suffix: 'fpm|fpm-alpine', alone: true, cmd: ['php-fpm'], ports: '9000', family: 'php-fpm' }], mb: 245, base: 'debian', bins: 'php apache2 apache2-foreground curl', entrypoint: ['docker-entrypoint.sh'], cmd: ['apache2-foreground'], ports: '80', workingDir: '/var/www/html' },
  { repo: 'docker.io/library/traefik', tags: ['latest', 'v3', 'v2', '3', '2', 'v3.4', 'v3.3', 'v3.2', 'v3.1', 'v3.0', 'v2.11', 'v2.10', 'v2.9', '3.4', '3.3', '3.2', '3.1', '3.0', '2.11', '2.10', 'v3.3.5', 'v3.2.3', 'v3.1.6', 'v2.11.24', 'v2.10.7', 'v1.7', '1.7', 'v1.7.34'], variants: [{ suffix: 'windowsservercore-ltsc2022|nanoserver-ltsc2022' }], mb: 46, base: 'alpine', bins: 'traefik', entrypoint: ['/entrypoint.sh'], cmd: ['traefik'], ports: '80' },
  { repo: 'docker.io/library/caddy', tags: ['latest', '2', '2.10', '2.9', '2.8', '2.7', '2.6', '2.10.0', '2.9.1', '2.8.4', '2.7.6', '2.6.4'], variants: [alpine(19), { suffix: 'builder|builder-alpine', alone: true, mb: 80, cmd: ['caddy', 'version'] }], mb: 19, base: 'alpine', bins: 'caddy', cmd: ['caddy', 'run', '--config', '/etc/caddy/Caddyfile', '--adapter', 'caddyfile'], ports: '80 443 443/UDP 2019', workingDir: '/srv' },
  { repo: 'docker.io/library/haproxy', tags: ['latest', 'lts', '3', '2', '3.2', '3.1', '3.0', '2.9', '2.8', '2.6', '2.4', '2.2', '1.8', '3.0.7', '2.8.10', '2.6.18', '2.4.26'], variants: [alpine(15), { suffix: 'bookworm|bullseye|trixie', alone: true }], mb: 42, base: 'debian', bins: 'haproxy', entrypoint: ['docker-entrypoint.sh'], cmd: ['haproxy', '-f', '/usr/local/etc/haproxy/haproxy.cfg'], workingDir: '/var/lib/haproxy' },
  { repo: 'docker.io/library/registry', tags: ['latest', '3', '2', '3.0', '3.0.0', '2.8', '2.8.3', '2.8.2', '2.8.1', '2.7', '2.7.1', '2.6', '2.6.2'], mb: 10, base: 'alpine', bins: 'registry', entrypoint: ['/entrypoint.sh'], cmd: ['/etc/docker/registry/config.yml'], ports: '5000' },
  { repo: 'docker.io/library/cassandra', tags: ['latest', '5', '4', '3', '5.0', '4.1', '4.0', '3.11', '3.0', '5.0.4', '4.1.8', '4.0.17', '3.11.19'], mb: 150, base: 'ubuntu', bins: 'cassandra nodetool cqlsh java gosu', entrypoint: ['docker-entrypoint.sh'], cmd: ['cassandra', '-f'], ports: '7000 7001 7199 9042 9160' },
  { repo: 'docker.io/library/elasticsearch', tags: ['8.17.0', '8.15.3', '8.13.4', '7.17.25', '7.17.10', '7.10.1', '6.8.23'], mb: 620, base: 'ubuntu', bins: 'elasticsearch java curl', entrypoint: ['/bin/tini', '--', '/usr/local/bin/docker-entrypoint.sh'], cmd: ['eswrapper'], ports: '9200 9300' },
  { repo: 'docker.io/fluent/fluentd', tags: ['latest', 'edge', 'v1.18-1', 'v1.17-1', 'v1.16-1', 'v1.16-debian-1', 'v1.17-debian-1', 'v1.18-debian-1', 'v1.14-1'], mb: 45, base: 'debian', bins: 'fluentd ruby gem', family: 'fluentd', entrypoint: ['tini', '--', '/bin/entrypoint.sh'], cmd: ['fluentd'], ports: '5140 24224' },
  { repo: 'quay.io/fluentd_elasticsearch/fluentd', tags: ['v2.5.2', 'v2.6.0', 'v2.7.0', 'v2.8.0', 'v2.9.0', 'v3.0.0', 'v3.0.4', 'v3.1.0', 'v3.4.0', 'v4.0.0', 'v4.4.2', 'v5.0.0'], mb: 140, base: 'debian', bins: 'fluentd ruby', family: 'fluentd', cmd: ['/run.sh'], ports: '24231' },
  { repo: 'registry.k8s.io/fluentd-elasticsearch', tags: ['1.20', '1.21', '1.22', '2.0.2', '2.0.4', 'v2.0.4'], mb: 110, base: 'debian', bins: 'td-agent fluentd ruby', family: 'fluentd', cmd: ['/run.sh'] },
  { repo: 'docker.io/fluent/fluent-bit', tags: ['latest', '4.0', '3.2', '3.1', '3.0', '2.2', '4.0.3', '3.2.10', '3.1.9', '2.2.3'], variants: [{ suffix: 'debug', alone: true, base: 'busybox' }], mb: 40, base: 'scratch', bins: 'fluent-bit', family: 'fluent-bit', entrypoint: ['/fluent-bit/bin/fluent-bit'], cmd: ['-c', '/fluent-bit/etc/fluent-bit.conf'], ports: '2020' },
  { repo: 'registry.k8s.io/pause', tags: ['latest', '2.0', '3.0', '3.1', '3.2', '3.3', '3.4.1', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10', '3.10.1'], mb: 0.32, base: 'scratch', bins: 'pause', entrypoint: ['/pause'] },
  { repo: 'registry.k8s.io/e2e-test-images/agnhost', tags: k8sTags(10, 56), mb: 52, base: 'debian', bins: 'agnhost curl nc dig nslookup host ping ip', entrypoint: ['/agnhost'], cmd: ['pause'] },
  { repo: 'registry.k8s.io/e2e-test-images/jessie-dnsutils', tags: ['1.3', '1.4', '1.5', '1.7'], mb: 110, base: 'debian', bins: 'dig nslookup host ping curl wget nc', cmd: ['bash'] },
  { repo: 'registry.k8s.io/e2e-test-images/nginx', tags: ['1.14-1', '1.14-2', '1.14-4', '1.15-1', '1.15-2', '1.15-4'], mb: 7, base: 'alpine', bins: 'nginx', family: 'nginx', cmd: ['nginx', '-g', 'daemon off;'], ports: '80' },
  { repo: 'registry.k8s.io/e2e-test-images/httpd', tags: ['2.4.38-1', '2.4.38-2', '2.4.38-4', '2.4.39-1', '2.4.39-2', '2.4.39-4'], mb: 40, base: 'debian', bins: 'httpd httpd-foreground', family: 'httpd', cmd: ['httpd-foreground'], ports: '80' },
  { repo: 'registry.k8s.io/dnsutils', tags: ['latest'], tagPattern: '1\\.\\d+', mb: 110, base: 'debian', bins: 'dig nslookup host ping', cmd: ['bash'] },
  { repo: 'registry.k8s.io/hpa-example', tags: ['latest'], mb: 180, base: 'debian', bins: 'apache2 apache2-foreground php', family: 'php-apache', cmd: ['apache2-foreground'], ports: '80', workingDir: '/var/www/html' },
  { repo: 'registry.k8s.io/liveness', tags: ['latest'], mb: 2.3, base: 'scratch', bins: 'server', cmd: ['/server'] },
  { repo: 'registry.k8s.io/nginx-slim', tags: ['0.5', '0.7', '0.8', '0.9', '0.10', '0.11', '0.12', '0.13', '0.14', '0.16', '0.17', '0.18', '0.20', '0.21', '0.22', '0.23', '0.24', '0.25', '0.26', '0.27'], mb: 20, base: 'debian', bins: 'nginx', family: 'nginx', cmd: ['nginx', '-g', 'daemon off;'], ports: '80 443' },
  { repo: 'registry.k8s.io/echoserver', tags: ['1.4', '1.5', '1.6', '1.8', '1.9', '1.10', '2.1', '2.2'], mb: 40, base: 'ubuntu', bins: 'nginx', family: 'echoserver', cmd: ['/usr/sbin/nginx', '-g', 'daemon off;'], ports: '8080' },
  { repo: 'registry.k8s.io/serve_hostname', tags: ['latest', '1.0', '1.1', '1.3', '1.4', 'v1.4'], mb: 2, base: 'scratch', bins: 'serve_hostname', entrypoint: ['/serve_hostname'], ports: '9376' },
  { repo: 'registry.k8s.io/goproxy', tags: ['0.1'], mb: 2.4, base: 'scratch', bins: 'goproxy', cmd: ['/goproxy'], ports: '8080' },
  { repo: 'registry.k8s.io/guestbook', tags: ['v3'], mb: 5.8, base: 'busybox', bins: 'guestbook', cmd: ['./guestbook'], ports: '3000', workingDir: '/app' },
  { repo: 'registry.k8s.io/example-dns-frontend', tags: ['v1'], mb: 95, base: 'debian', bins: 'python', family: 'dns-frontend', cmd: ['python', 'client.py', 'http://dns-backend.development.svc.cluster.local:8000'], workingDir: '/dns-frontend' },
  { repo: 'registry.k8s.io/example-dns-backend', tags: ['v1', 'v2'], mb: 95, base: 'debian', bins: 'python', family: 'dns-backend', cmd: ['python', 'server.py'], ports: '8000', workingDir: '/dns-backend' },
  { repo: 'registry.k8s.io/event-exporter', tags: ['v0.1.0', 'v0.1.4', 'v0.1.5', 'v0.2.0', 'v0.2.3', 'v0.2.5', 'v0.3.0', 'v0.3.1'], mb: 16, base: 'scratch', bins: 'event-exporter', cmd: ['/event-exporter'] },
  { repo: 'registry.k8s.io/etcd', tags: ['3.5.0-0', '3.5.1-0', '3.5.3-0', '3.5.4-0', '3.5.6-0', '3.5.7-0', '3.5.9-0', '3.5.10-0', '3.5.12-0', '3.5.15-0', '3.5.16-0', '3.5.21-0', '3.6.0-0', '3.6.4-0', '3.4.13-0', '3.4.3-0', '3.3.15-0', '3.2.24'], mb: 57, base: 'scratch', bins: 'etcd etcdctl etcdutl', cmd: ['/usr/local/bin/etcd'], ports: '2379 2380' },
  { repo: 'registry.k8s.io/node-problem-detector', tags: ['v0.1', 'v0.2', 'v0.3.0', 'v0.4.0', 'v0.4.1', 'v0.5.0', 'v0.6.0', 'v0.8.0'], mb: 40, base: 'debian', bins: 'node-problem-detector', family: 'node-problem-detector', cmd: ['/node-problem-detector'] },
  { repo: 'registry.k8s.io/node-problem-detector/node-problem-detector', tags: ['v0.8.10', 'v0.8.13', 'v0.8.15', 'v0.8.17', 'v0.8.19', 'v0.8.20'], mb: 45, base: 'debian', bins: 'node-problem-detector', cmd: ['/node-problem-detector'], ports: '20256' },
  { repo: 'registry.k8s.io/volume-nfs', tags: ['0.8', 'latest'], mb: 90, base: 'rhel', bins: 'run_nfs.sh rpc.nfsd rpcbind', cmd: ['/usr/local/bin/run_nfs.sh', '/exports'], ports: '111 111/UDP 2049 20048' },
  { repo: 'registry.k8s.io/kubernetes-zookeeper', tags: ['1.0-3.4.10'], mb: 120, base: 'ubuntu', bins: 'start-zookeeper zookeeper-ready zkServer.sh zkCli.sh java nc', cmd: ['/bin/bash'] },
  { repo: 'registry.k8s.io/kas-network-proxy/proxy-agent', tags: ['v0.0.12', 'v0.0.16', 'v0.0.24', 'v0.0.33', 'v0.0.37', 'v0.28.6', 'v0.29.0', 'v0.30.3', 'v0.31.0', 'v0.32.0'], mb: 10, base: 'scratch', bins: 'proxy-agent', cmd: ['/proxy-agent'] },
  { repo: 'registry.k8s.io/kas-network-proxy/proxy-server', tags: ['v0.0.12', 'v0.0.16', 'v0.0.24', 'v0.0.33', 'v0.0.37', 'v0.28.6', 'v0.29.0', 'v0.30.3', 'v0.31.0', 'v0.32.0'], mb: 10, base: 'scratch', bins: 'proxy-server', cmd: ['/proxy-server'] },
  ...['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy', 'kubectl'].map((name): RepoSpec =>
    ({ repo: `registry.k8s.io/${name}`, tags: [], tagPattern: 'v1\\.(1\\d|2\\d|3[0-4])\\.\\d{1,2}', mb: name === 'kube-proxy' ? 28 : 25, base: name === 'kube-proxy' ? 'debian' : 'scratch', bins: name, entrypoint: name === 'kubectl' ? ['kubectl'] : undefined, cmd: name === 'kubectl' ? undefined : [`/usr/local/bin/${name}`] })),
  { repo: 'registry.k8s.io/coredns/coredns', tags: ['v1.8.0', 'v1.8.6', 'v1.9.3', 'v1.10.1', 'v1.11.1', 'v1.11.3', 'v1.12.0', 'v1.12.1'], mb: 17, base: 'scratch', bins: 'coredns', entrypoint: ['/coredns'], ports: '53 53/UDP 9153' },
  { repo: 'registry.k8s.io/metrics-server/metrics-server', tags: ['v0.6.4', 'v0.7.0', 'v0.7.1', 'v0.7.2', 'v0.8.0'], mb: 19, base: 'scratch', bins: 'metrics-server', entrypoint: ['/metrics-server'], ports: '4443 10250' },
  { repo: 'registry.k8s.io/ingress-nginx/controller', tags: ['v1.9.6', 'v1.10.1', 'v1.11.2', 'v1.11.3', 'v1.12.0', 'v1.12.1', 'v1.13.0'], mb: 110, base: 'alpine', bins: 'nginx nginx-ingress-controller dumb-init', family: 'ingress-nginx', entrypoint: ['/usr/bin/dumb-init', '--'], cmd: ['/nginx-ingress-controller'], ports: '80 443 8443 10254', workingDir: '/etc/nginx' },
  { repo: 'gcr.io/google-samples/hello-app', tags: ['1.0', '2.0'], mb: 11, base: 'alpine', bins: 'hello-app', family: 'hello-app', cmd: ['/hello-app'], ports: '8080' },
  { repo: 'us-docker.pkg.dev/google-samples/containers/gke/hello-app', tags: ['1.0', '2.0'], mb: 11, base: 'alpine', bins: 'hello-app', family: 'hello-app', cmd: ['/hello-app'], ports: '8080' },
  { repo: 'gcr.io/google-samples/kubernetes-bootcamp', tags: ['v1', 'v2'], mb: 70, base: 'debian', bins: 'node npm', family: 'node-hello', cmd: ['/bin/sh', '-c', 'node server.js'], ports: '8080' },
  { repo: 'gcr.io/google-samples/node-hello', tags: ['1.0'], mb: 250, base: 'buildpack', bins: 'node npm', family: 'node-hello', cmd: ['/bin/sh', '-c', 'node server.js'], ports: '8080' },
  { repo: 'gcr.io/google-samples/hello-go-gke', tags: ['1.0'], mb: 4, base: 'scratch', bins: 'hello', family: 'hello-go-gke', cmd: ['/hello'], ports: '80' },
  { repo: 'gcr.io/google-samples/hello-frontend', tags: ['1.0'], mb: 45, base: 'debian', bins: 'nginx', family: 'nginx', cmd: ['nginx', '-g', 'daemon off;'], ports: '80' },
  { repo: 'gcr.io/google-samples/gb-frontend', tags: ['v3', 'v4', 'v5', 'v6'], mb: 135, base: 'debian', bins: 'apache2 apache2-foreground php', family: 'php-apache', cmd: ['apache2-foreground'], ports: '80', workingDir: '/var/www/html' },
  { repo: 'gcr.io/google_samples/gb-frontend', tags: ['v3', 'v4'], mb: 135, base: 'debian', bins: 'apache2 apache2-foreground php', family: 'php-apache', cmd: ['apache2-foreground'], ports: '80', workingDir: '/var/www/html' },
  { repo: 'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend', tags: ['v5', 'v6'], mb: 135, base: 'debian', bins: 'apache2 apache2-foreground php', family: 'php-apache', cmd: ['apache2-foreground'], ports: '80', workingDir: '/var/www/html' },
  { repo: 'docker.io/paulczar/gb-frontend', tags: ['v5'], mb: 135, base: 'debian', bins: 'apache2 apache2-foreground php', family: 'php-apache', cmd: ['apache2-foreground'], ports: '80', workingDir: '/var/www/html' },
  { repo: 'gcr.io/google_samples/gb-redisslave', tags: ['v1', 'v2', 'v3'], mb: 40, base: 'debian', bins: 'redis-server redis-cli run.sh', family: 'redis-follower', cmd: ['/run.sh'], ports: '6379' },
  { repo: 'registry.k8s.io/redis-slave', tags: ['v2'], mb: 40, base: 'debian', bins: 'redis-server redis-cli run.sh', family: 'redis-follower', cmd: ['/run.sh'], ports: '6379' },
  { repo: 'us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower', tags: ['v2'], mb: 40, base: 'debian', bins: 'redis-server redis-cli run.sh', family: 'redis-follower', cmd: ['/run.sh'], ports: '6379' },
  { repo: 'gcr.io/google-samples/gb-redis-follower', tags: ['v2'], mb: 40, base: 'debian', bins: 'redis-server redis-cli run.sh', family: 'redis-follower', cmd: ['/run.sh'], ports: '6379' },
  { repo: 'gcr.io/google-samples/cassandra', tags: ['v11', 'v12', 'v13', 'v14'], mb: 140, base: 'debian', bins: 'cassandra nodetool cqlsh java run.sh ready-probe.sh', family: 'k8s-cassandra', cmd: ['/run.sh'], ports: '7000 7001 7199 9042 9160' },
  { repo: 'gcr.io/google-samples/xtrabackup', tags: ['1.0'], mb: 90, base: 'debian', bins: 'xtrabackup xbstream innobackupex ncat mysql', cmd: ['bash'] },
  { repo: 'gcr.io/kuar-demo/kuard-amd64', tags: ['blue', 'green', 'purple', '1', '2', '3', 'v0.10.0-blue'], mb: 10, base: 'scratch', bins: 'kuard', family: 'kuard', cmd: ['/kuard'], ports: '8080' },
  { repo: 'docker.io/hashicorp/http-echo', tags: ['latest', '1.0', '1.0.0', '0.2.3', '0.2.1', '0.2.0'], variants: [{ suffix: 'alpine', alone: true, base: 'alpine', mb: 7 }], mb: 3.1, base: 'scratch', bins: 'http-echo', entrypoint: ['/http-echo'], ports: '5678' },
  { repo: 'docker.io/nginxdemos/hello', tags: ['latest', 'plain-text', '0.2', '0.3', '0.4', '0.2-plain-text', '0.3-plain-text', '0.4-plain-text'], mb: 9, base: 'alpine', bins: 'nginx', family: 'nginxdemos-hello', entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], ports: '80' },
  { repo: 'docker.io/curlimages/curl', tags: ['latest', '8.14.1', '8.13.0', '8.12.1', '8.11.1', '8.10.1', '8.9.1', '8.8.0', '8.7.1', '8.6.0', '8.5.0', '8.4.0', '8.1.2', '7.85.0', '7.78.0'], mb: 10, base: 'alpine', bins: 'curl', entrypoint: ['/entrypoint.sh'], cmd: ['curl'] },
  { repo: 'docker.io/nicolaka/netshoot', tags: ['latest', 'v0.13', 'v0.12', 'v0.11'], mb: 190, base: 'alpine', bins: 'bash zsh curl dig nslookup host tcpdump nc iperf3 ip ping', cmd: ['zsh'] },
  { repo: 'docker.io/vish/stress', tags: ['latest'], mb: 1.6, base: 'scratch', bins: 'stress', family: 'vish-stress', entrypoint: ['/stress', '-logtostderr'] },
  { repo: 'docker.io/polinux/stress', tags: ['latest', '1.0.4'], mb: 4, base: 'alpine', bins: 'stress', cmd: ['stress', '--help'] },
  { repo: 'docker.io/newrelic/nrsysmond', tags: ['latest', '2.3.0.132', '2.3.0.129'], mb: 60, base: 'debian', bins: 'nrsysmond', cmd: ['/usr/sbin/nrsysmond', '-F'] },
  { repo: 'docker.io/minio/minio', tags: ['latest', 'edge'], tagPattern: 'RELEASE\\.\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ', mb: 62, base: 'rhel', bins: 'minio curl', entrypoint: ['/usr/bin/docker-entrypoint.sh'], cmd: ['minio'], ports: '9000' },
  { repo: 'docker.io/cockroachdb/cockroach', tags: ['latest', 'latest-v24.3', 'latest-v23.2'], tagPattern: 'v\\d{1,2}\\.\\d\\.\\d{1,2}', mb: 140, base: 'rhel', bins: 'cockroach cockroach.sh', entrypoint: ['/cockroach/cockroach.sh'], cmd: ['start-single-node', '--insecure'], ports: '26257 8080', workingDir: '/cockroach' },
  { repo: 'docker.io/cockroachdb/cockroach-k8s-init', tags: ['0.1', '0.2'], mb: 8, base: 'alpine', bins: 'peer-finder on-start.sh bash', entrypoint: ['/peer-finder'] },
  { repo: 'docker.io/tensorflow/serving', tags: ['latest', 'nightly'], tagPattern: '2\\.(1?\\d)\\.\\d', variants: [{ suffix: 'gpu|devel|devel-gpu', alone: true, mb: 2500 }], mb: 135, base: 'ubuntu', bins: 'tensorflow_model_server tf_serving_entrypoint.sh', family: 'tf-serving', entrypoint: ['/usr/bin/tf_serving_entrypoint.sh'], ports: '8500 8501' },
  { repo: 'docker.io/prom/prometheus', tags: ['latest', 'main'], tagPattern: 'v[23]\\.\\d{1,2}\\.\\d', mb: 110, base: 'busybox', bins: 'prometheus promtool', entrypoint: ['/bin/prometheus'], cmd: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/prometheus'], ports: '9090', workingDir: '/prometheus' },
  { repo: 'docker.io/grafana/grafana', tags: ['latest', 'main'], tagPattern: '1[01]\\.\\d\\.\\d', mb: 150, base: 'alpine', bins: 'grafana grafana-server grafana-cli', entrypoint: ['/run.sh'], ports: '3000', workingDir: '/usr/share/grafana' },
  ...['nginx', 'apache', 'redis', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'memcached', 'rabbitmq', 'kafka', 'zookeeper', 'wordpress', 'kubectl', 'os-shell', 'minideb'].flatMap((name) =>
    ['bitnami', 'bitnamilegacy'].map((owner): RepoSpec => bitnami(owner, name))),
];

const COREUTILS = 'echo printf sleep cat touch rm rmdir mkdir ls cp mv ln date env printenv tail head tee seq expr test [ true false yes id '
  + 'whoami uname wc tr cut sort uniq basename dirname pwd readlink realpath chmod chown chgrp dd df du md5sum sha1sum sha256sum base64 '
  + 'mktemp nohup timeout stat sync tac nproc nice stty kill rev';
const BUSYBOX = `sh ash busybox ${COREUTILS} grep egrep fgrep sed awk find xargs hostname wget nc nslookup ping ping6 telnet traceroute `
  + 'ip ifconfig route netstat arp httpd ftpget ftpput tftp ps top free uptime pidof pkill killall watch usleep vi less more gzip gunzip '
  + 'zcat tar bzip2 unzip diff cmp od hexdump xxd strings which logger syslogd crond crontab dmesg mount umount su login passwd adduser '
  + 'addgroup sha512sum time timeout flock install mknod mkfifo nologin fold fuser iostat ionice chroot getty lsof microcom nmeter';
const DEBIAN = `bash sh dash ${COREUTILS} grep egrep fgrep sed awk mawk find xargs hostname getent apt apt-get apt-cache dpkg mount umount `
  + 'tar gzip gunzip zcat su login passwd which debconf-set-selections perl';

/** Executables per base layer (`/bin`, `/usr/bin`, `/usr/local/bin` as shipped). */
export const BASE_BINARIES: Record<BaseOs, string> = {
  busybox: BUSYBOX,
  alpine: `${BUSYBOX} apk ssl_client scanelf getent ldd iconv`,
  debian: DEBIAN,
  ubuntu: DEBIAN,
  rhel: `bash sh ${COREUTILS} grep sed awk find xargs hostname getent microdnf dnf yum rpm tar gzip which`,
  buildpack: `${DEBIAN} curl wget git ssh scp gcc g++ make ps top free pkill pgrep watch xz bzip2 unzip patch diff openssl`,
  scratch: '',
};
