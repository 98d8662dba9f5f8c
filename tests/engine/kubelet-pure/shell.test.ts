import { describe, expect, it } from 'vitest';
import { expandKubeVars, resolveArgv } from '../../../src/engine/kubelet/program';
import { image, lines, sh } from './helpers';

describe('expandKubeVars (upstream expansion_test cases)', () => {
  const env = { VAR_A: 'A', VAR_B: 'B', VAR_C: 'C', VAR_REF: '$(VAR_A)', VAR_EMPTY: '' };
  it.each([
    ['$(VAR_A)', 'A'],
    ['___$(VAR_B)___', '___B___'],
    ['$(VAR_A)-$(VAR_A)', 'A-A'],
    ['$(VAR_A)$(VAR_B)', 'AB'],
    ['$(VAR_REF)', '$(VAR_A)'],
    ['$(VAR_EMPTY)', ''],
    ['$(UNKNOWN)', '$(UNKNOWN)'],
    ['$$(VAR_A)', '$(VAR_A)'],
    ['$$$$(VAR_A)', '$$(VAR_A)'],
    ['$$$(VAR_A)', '$A'],
    ['$(VAR_A', '$(VAR_A'],
    ['$VAR_A', '$VAR_A'],
    ['$', '$'],
    ['$()', '$()'],
    ['echo $(date)', 'echo $(date)'],
    ['f$(VAR_C)o', 'fCo'],
  ])('%s → %s', (input, expected) => {
    expect(expandKubeVars(input, env)).toBe(expected);
  });
});

describe('resolveArgv: command replaces Entrypoint and Cmd, args replace Cmd', () => {
  const redis = image('redis:7');
  it.each([
    [undefined, undefined, ['docker-entrypoint.sh', 'redis-server']],
    [undefined, ['--port', '7000'], ['docker-entrypoint.sh', '--port', '7000']],
    [['redis-server'], undefined, ['redis-server']],
    [['redis-server'], ['--port', '$(PORT)'], ['redis-server', '--port', '7000']],
    [[], ['x'], ['docker-entrypoint.sh', 'x']],
  ])('command %j args %j', (command, args, argv) => {
    expect(resolveArgv(redis, command, args, { PORT: '7000' })).toEqual(argv);
  });
});

interface Case { script: string; out?: string[]; code?: number; exit?: number | 'never'; image?: string }

const CASES: Record<string, Case> = {
  'echo (a builtin: no time)': { script: 'echo hello world', out: ['hello world'], code: 0, exit: 0 },
  'echo -n then newline': { script: 'echo -n a; echo b', out: ['ab'], code: 0 },
  'busybox echo -e': { script: "echo -e 'a\\tb'", out: ['a\tb'] },
  'printf reuses the format': { script: 'printf "%s-%d\\n" a 1 b 2', out: ['a-1', 'b-2'] },
  'true': { script: 'true', code: 0, exit: 0 },
  'an external command takes a millisecond': { script: 'touch /tmp/x', code: 0, exit: 1 },
  'false': { script: 'false', code: 1 },
  'exit N': { script: 'echo before; exit 7; echo after', out: ['before'], code: 7 },
  'last status is the exit code': { script: 'ls /nonexistent-dir', code: 1, out: ['ls: /nonexistent-dir: No such file or directory'] },
  'sequence with ;': { script: 'echo a; echo b', out: ['a', 'b'] },
  '&& stops on failure': { script: 'false && echo no; echo yes', out: ['yes'] },
  '|| runs on failure': { script: 'false || echo rescued', out: ['rescued'] },
  'newlines separate commands': { script: 'echo one\necho two', out: ['one', 'two'] },
  'sleep N': { script: 'sleep 5; echo woke', out: ['woke'], exit: 5000 },
  'sleep with suffix': { script: 'sleep 1m', exit: 60_000 },
  'sleep 1d': { script: 'sleep 1d', exit: 86_400_000 },
  'sleep fractions add up': { script: 'sleep 0.5 1.5', exit: 2000 },
  'sleep infinity never exits': { script: 'sleep infinity', exit: 'never' },
  'tail -f /dev/null never exits': { script: 'tail -f /dev/null', exit: 'never' },
  'for loop': { script: 'for i in 1 2 3; do echo "item $i"; done', out: ['item 1', 'item 2', 'item 3'] },
  'for over a glob': { script: 'touch /tmp/a.log /tmp/b.log; for f in /tmp/*.log; do echo $f; done', out: ['/tmp/a.log', '/tmp/b.log'] },
  'while with a counter': { script: 'i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', out: ['0', '1', '2'] },
  'until': { script: 'n=0; until [ $n -ge 2 ]; do n=$((n+1)); echo try $n; done; echo ok', out: ['try 1', 'try 2', 'ok'] },
  'break and continue': { script: 'for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done', out: ['1', '3'] },
  'if / elif / else': { script: 'x=2; if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo many; fi', out: ['two'] },
  'case': { script: 'case "$HOSTNAME" in web-*) echo web;; *) echo other;; esac', out: ['web'] },
  'functions and return': { script: 'greet() { echo "hi $1"; return 3; }; greet bob; echo rc=$?', out: ['hi bob', 'rc=3'] },
  'parameter expansion': { script: 'A="x y"; echo ${A:-d} ${B:-dflt} ${#A} ${A%% *} ${A#x }', out: ['x y dflt 3 x y'] },
  'arithmetic': { script: 'x=5; echo $((x*3+1)) $(( x > 3 ? 10 : 20 )) $((7/2)) $((7%3))', out: ['16 10 3 1'] },
  'command substitution': { script: 'v=$(echo inner); echo "got $v" `echo tick`', out: ['got inner tick'] },
  'single quotes are literal': { script: "echo '$HOSTNAME'", out: ['$HOSTNAME'] },
  'pipes': { script: 'echo "b a c" | tr " " "\\n" | sort | head -2', out: ['a', 'b'] },
  'redirection and cat': { script: 'echo saved > /tmp/f; echo more >> /tmp/f; cat /tmp/f', out: ['saved', 'more'] },
  'here-document': { script: 'cat <<EOF\nhost=$HOSTNAME\nEOF', out: ['host=web-0'] },
  'quoted here-document is literal': { script: "cat <<'EOF'\nhost=$HOSTNAME\nEOF", out: ['host=$HOSTNAME'] },
  'read loop': { script: 'printf "a\\nb\\n" > /tmp/in; while read l; do echo "<$l>"; done < /tmp/in', out: ['<a>', '<b>'] },
  'subshell keeps its cd': { script: '(cd /tmp; pwd); pwd', out: ['/tmp', '/'] },
  'set -e stops at a failure': { script: 'set -e; echo one; false; echo two', out: ['one'], code: 1 },
  'set -e ignores conditions': { script: 'set -e; if false; then :; fi; false || true; echo alive', out: ['alive'], code: 0 },
  'set -x traces': { script: 'set -x; echo hi', out: ['+ echo hi', 'hi'] },
  'mkdir, touch, rm, test': { script: 'mkdir -p /data/x; touch /data/x/f; [ -f /data/x/f ] && echo yes; rm -rf /data/x; [ -e /data/x/f ] || echo gone', out: ['yes', 'gone'] },
  'rm of a missing file': { script: 'rm /tmp/nope', out: ["rm: can't remove '/tmp/nope': No such file or directory"], code: 1 },
  'rm -f of a missing file': { script: 'rm -f /tmp/nope', code: 0 },
  'cat of a missing file (busybox)': { script: 'cat /tmp/none', out: ["cat: can't open '/tmp/none': No such file or directory"], code: 1 },
  'cat of a missing file (coreutils)': { script: 'cat /tmp/none', out: ['cat: /tmp/none: No such file or directory'], code: 1, image: 'ubuntu:22.04' },
  'env and printenv': { script: 'export FOO=bar; printenv FOO; env | grep FOO', out: ['bar', 'FOO=bar'] },
  'date': { script: 'date', out: ['Wed Jan  1 09:00:00 UTC 2025'] },
  'date +format': { script: 'date +%Y-%m-%dT%H:%M:%S', out: ['2025-01-01T09:00:00'] },
  'hostname': { script: 'hostname', out: ['web-0'] },
  'wget succeeds for remote names': { script: 'wget -qO- http://example.svc.cluster.local/ && echo fetched', out: ['fetched'] },
  'wget to an unopened localhost port': { script: 'wget -qO- http://localhost:8080/', out: ["wget: can't connect to remote host (127.0.0.1): Connection refused"], code: 1 },
  'curl is missing from busybox': { script: 'curl http://x; echo rc=$?', out: ['sh: curl: not found', 'rc=127'] },
  'not found in sh -c (busybox ash)': { script: 'foo', out: ['sh: foo: not found'], code: 127 },
  'not found in dash': { script: 'foo; exit 5', out: ['sh: 1: foo: not found'], code: 5, image: 'debian:12' },
  'not found in bash': { script: 'foo', out: ['bash: line 1: foo: command not found'], code: 127, image: 'fedora:40' },
  'nslookup answers after a short time': { script: 'until nslookup mydb >/dev/null; do sleep 2; done; echo ready', out: ['ready'], exit: 20 },
  'background job and wait': { script: 'sleep 3 & echo started; wait; echo done', out: ['started', 'done'], exit: 3000 },
  'syntax error (busybox ash)': { script: 'if true; then echo x', out: ['sh: line 1: syntax error: unexpected end of file'], code: 2 },
  'C-style for in bash': { script: 'for ((i=0; i<3; i++)); do echo $i; done', out: ['0', '1', '2'], image: 'fedora:40' },
  'C-style for is bash-only': { script: 'for ((i=0; i<3; i++)); do echo $i; done', out: ['sh: line 1: syntax error: bad for loop variable'], code: 2 },
  '[[ does not exist in dash': { script: '[[ 1 = 1 ]] && echo yes; echo rc=$?', out: ['sh: 1: [[: not found', 'rc=127'], image: 'debian:12' },
  'arrays are bash-only': { script: 'a=(1 2); echo ${a[1]}', out: ['sh: 1: Syntax error: "(" unexpected'], code: 2, image: 'debian:12' },
  'runaway recursion kills the shell': { script: 'f() { f; }; f; echo after', out: [], code: 139 },
  'yes | head stops the writer': { script: 'yes | head -2', out: ['y', 'y'], code: 0 },
  '$$ in command is Kubernetes\' escape for $': { script: 'echo $$HOSTNAME', out: ['web-0'] },
};

describe('the sh interpreter', () => {
  it.each(Object.entries(CASES))('%s', (_name, c) => {
    const p = sh(c.script, c.image ?? 'busybox:1.36', c.image === 'fedora:40' ? { command: ['bash', '-c', c.script] } : {});
    if (c.out) expect(lines(p)).toEqual(c.out);
    if (c.code !== undefined) expect(p.exitCode).toBe(c.code);
    if (c.exit === 'never') expect(p.exitAfterMs).toBeUndefined();
    else if (c.exit !== undefined) expect(p.exitAfterMs).toBe(c.exit);
  });

  it('while true with sleep runs forever, logging at each iteration, capped at 200 lines', () => {
    const p = sh('while true; do echo hello; sleep 10; done');
    expect(p.exitAfterMs).toBeUndefined();
    expect(p.output.length).toBe(200);
    expect(p.output.slice(0, 3)).toEqual([{ atMs: 0, line: 'hello' }, { atMs: 10_000, line: 'hello' }, { atMs: 20_000, line: 'hello' }]);
  });

  it('a loop that ends exits at the time its sleeps add up to', () => {
    const p = sh('for i in 1 2 3; do echo $i; sleep 2; done');
    expect(p.exitAfterMs).toBe(6000);
    expect(p.output.map((o) => o.atMs)).toEqual([0, 2000, 4000]);
  });

  it('records files created and removed over time (the exec-liveness script)', () => {
    const p = sh('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600');
    expect(p.files).toEqual([{ path: '/tmp/healthy', createdAtMs: 0, removedAtMs: 30_001, content: '' }]);
    expect(p.exitAfterMs).toBe(630_002);
    expect(p.exitCode).toBe(0);
  });

  it('$VAR comes from the container env; `$(VAR)` was already expanded by Kubernetes', () => {
    const p = sh('echo "$GREETING from $(NAME)"', 'busybox', { env: { GREETING: 'hello', NAME: 'pod' } });
    expect(lines(p)).toEqual(['hello from pod']);
  });

  it('reads files a volume provides, and an unknown key is missing', () => {
    const files = { '/etc/config/game.properties': 'lives=3\n', '/etc/config/ui.properties': 'color=blue\n' };
    const p = sh('ls /etc/config/; cat /etc/config/game.properties; cat /etc/config/nope', 'busybox', { files, mounts: ['/etc/config'] });
    expect(lines(p)).toEqual(['game.properties', 'ui.properties', 'lives=3', "cat: can't open '/etc/config/nope': No such file or directory"]);
    expect(p.exitCode).toBe(1);
  });

  it('a shell reading stdin: EOF at once, unless the container keeps stdin open', () => {
    expect(sh('', 'busybox', { command: ['sh'] }).exitAfterMs).toBe(0);
    expect(sh('', 'busybox', { command: ['sh'], stdin: true }).exitAfterMs).toBeUndefined();
  });

  it('output lines of background jobs interleave by time', () => {
    const p = sh('(sleep 1; echo late) & echo early; wait');
    expect(p.output).toEqual([{ atMs: 0, line: 'early' }, { atMs: 1000, line: 'late' }]);
  });
});
