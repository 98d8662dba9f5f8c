/** Redirections: `>`, `>>`, `<`, `2>&1`, `&>`, here-documents and here-strings, and the special files. */
import type { Redir } from './programParser';
import { absPath } from './programProcess';
import type { Shell } from './programShell';
import { expandSingle, expandText } from './programWords';
import { FileSink, NULL_SINK, type IO, type Sink } from './programWorld';

/** The streams after `redirs`, or undefined when one fails (the shell has reported it). */
export function applyRedirs(sh: Shell, redirs: Redir[], from: IO): IO | undefined {
  const io: IO = { ...from };
  for (const r of redirs) {
    if (r.heredoc) { io.stdin = { text: r.heredoc.expand ? expandText(r.heredoc.body, sh) : r.heredoc.body, pos: 0 }; continue; }
    const target = expandSingle(r.target, sh);
    const fd = r.fd ?? (r.op.startsWith('<') ? 0 : 1);
    if (r.op === '<<<') { io.stdin = { text: `${target}\n`, pos: 0 }; continue; }
    if (r.op === '>&' || r.op === '<&') {
      const src = target === '1' ? io.stdout : target === '2' ? io.stderr : target === '-' ? NULL_SINK : undefined;
      if (src && fd === 1) io.stdout = src; else if (src && fd === 2) io.stderr = src;
      continue;
    }
    if (r.op === '<') {
      const st = sh.ctx.world.stat(absPath(target, sh.cwd), sh.t);
      if (st.exists === 'no') { sh.cannotOpen(target); return undefined; }
      io.stdin = { text: st.content, pos: 0 };
      continue;
    }
    const sink = openForWrite(sh, target, r.op === '>>' || r.op === '&>>', io);
    if (!sink) return undefined;
    if (r.op === '&>' || r.op === '&>>') { io.stdout = sink; io.stderr = sink; } else if (fd === 2) io.stderr = sink; else io.stdout = sink;
  }
  return io;
}

function openForWrite(sh: Shell, target: string, append: boolean, io: IO): Sink | undefined {
  if (target === '/dev/null') return NULL_SINK;
  if (/^\/(dev\/stdout|proc\/(self|1)\/fd\/1|dev\/fd\/1)$/.test(target)) return io.stdout;
  if (/^\/(dev\/stderr|proc\/(self|1)\/fd\/2|dev\/fd\/2)$/.test(target)) return io.stderr;
  const path = absPath(target, sh.cwd);
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  const pst = sh.ctx.world.stat(parent, sh.t);
  if (pst.exists === 'no' || sh.ctx.world.stat(path, sh.t).dir) {
    const isDir = pst.exists !== 'no';
    const m = sh.flavour === 'ash' ? `can't create ${target}: ${isDir ? 'Is a directory' : 'nonexistent directory'}`
      : sh.flavour === 'dash' ? `cannot create ${target}: ${isDir ? 'Is a directory' : 'Directory nonexistent'}`
        : `${target}: ${isDir ? 'Is a directory' : 'No such file or directory'}`;
    sh.io.stderr.write(`${sh.prefix()}${m}\n`, sh.t);
    return undefined;
  }
  if (!append || sh.ctx.world.stat(path, sh.t).exists !== 'yes') sh.ctx.world.write(path, sh.t, '', false);
  return new FileSink(sh.ctx.world, path);
}

