/**
 * What a container's process does over time, decided from the image and the container's
 * command/args with Docker and Kubernetes semantics: `command` replaces the image Entrypoint (and
 * drops its Cmd), `args` replaces Cmd, and `$(VAR)` in either is expanded from the container env.
 * The result is a plan (log lines, listeners, files, exit) the kubelet plays out on the clock.
 */
import type { ImageInfo, ImagePort } from './images';
import { startProcess } from './programProcess';

export interface ProgramInput {
  image: ImageInfo;
  command?: string[];
  args?: string[];
  env?: Record<string, string>;
  /** Files present at start, path → content: configMap/secret/downwardAPI keys, files other containers wrote to shared volumes. */
  files?: Record<string, string>;
  /**
   * Later rewrites of volume files while the process runs (the kubelet's atomic `..data` swap of a
   * configMap, secret, downwardAPI or projected volume), oldest first: reads from `atMs` on see them.
   */
  fileUpdates?: FileUpdate[];
  /**
   * Mount paths of the container's volumes. Under a mount `files` lists content for (configMap,
   * secret, downwardAPI, projected) exactly those files exist; other volumes' contents (emptyDir,
   * PVC, hostPath) are unknown: reads find them, `test -e` does not.
   */
  mounts?: string[];
  /** The container's declared ports: an app whose code is not known listens on these. */
  ports?: ImagePort[];
  /** Ports other containers of the Pod already bind (shared network namespace). */
  portsInUse?: number[];
  /** Virtual ms since cluster creation at which the process starts (for `date`). */
  startedAt?: number;
  /** container.stdin: an open stdin keeps a shell reading forever (`kubectl run -it`). */
  stdin?: boolean;
  /** container.workingDir (overrides the image's WorkingDir). */
  workingDir?: string;
}

export interface HttpRoute { path: string /* '*' for any */; status: number; fromMs?: number; untilMs?: number }

export interface Listener {
  port: number;
  protocol: 'TCP' | 'UDP';
  fromMs: number;
  untilMs?: number;
  /** HTTP behaviour when it speaks HTTP: status for a path at a time since start. */
  http?: { routes: HttpRoute[] };
  /** Speaks the gRPC health protocol. */
  grpc?: boolean;
}

/** At `atMs` after start these volume files get this content and `removed` ones disappear. */
export interface FileUpdate { atMs: number; files: Record<string, string>; removed: string[] }

export interface ProgramFile { path: string; createdAtMs: number; removedAtMs?: number; content?: string; dir?: boolean }

/** What probes need to run commands inside the container later. */
export interface ProgramContext {
  image: ImageInfo; env: Record<string, string>; cwd: string; files: Record<string, string>; mounts: string[]; startedAt: number;
  /** Volume rewrites while it runs (see ProgramInput.fileUpdates); absent when there were none. */
  fileUpdates?: FileUpdate[];
}

export interface Program {
  /** ms after start at which it exits on its own; undefined = runs until stopped. */
  exitAfterMs?: number;
  exitCode: number;
  /** stdout/stderr lines (what `kubectl logs` would show), at most ~200. */
  output: { atMs: number; line: string }[];
  listens: Listener[];
  /** Files created/removed over time (with their last content). */
  files: ProgramFile[];
  /**
   * PID 1 without a SIGTERM handler (sh -c …, sleep, tail) ignores SIGTERM and is SIGKILLed at the
   * end of the grace period (exit 137); servers like nginx/httpd/redis/postgres exit promptly.
   */
  handlesSigterm: boolean;
  sigtermExitCode: number;
  stopDelayMs: number;
  /** Start failure: `exec: "foo": executable file not found in $PATH` → the runtime's StartError (exit 128). */
  startError?: string;
  /** Resident memory the process settles at, when it deliberately allocates (stress tools). */
  memoryBytes?: number;
  context?: ProgramContext;
}

/**
 * Kubernetes' `$(VAR)` expansion for command, args and env values: a defined VAR is replaced,
 * an undefined one stays as written, `$$` is a literal `$`.
 * upstream: third_party/forked/golang/expansion/expand.go
 */
export function expandKubeVars(input: string, env: Record<string, string>): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let advance = 1;
    if (rest[0] === '$') out += '$';
    else if (rest[0] === '(') {
      const close = rest.indexOf(')');
      if (close > 0) {
        const name = rest.slice(1, close);
        out += Object.prototype.hasOwnProperty.call(env, name) ? env[name] : `$(${name})`;
        advance = close + 1;
      } else out += '$(';
    } else out += `$${rest[0]}`;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/** The argv the runtime starts: command replaces Entrypoint+Cmd; args alone replace Cmd. */
export function resolveArgv(image: ImageInfo, command?: string[], args?: string[], env: Record<string, string> = {}): string[] {
  const cmd = command?.length ? command.map((c) => expandKubeVars(c, env)) : undefined;
  const arg = args?.length ? args.map((a) => expandKubeVars(a, env)) : undefined;
  if (cmd) return [...cmd, ...(arg ?? [])];
  return [...image.entrypoint, ...(arg ?? image.cmd)];
}

export function interpret(input: ProgramInput): Program {
  return startProcess(input);
}
