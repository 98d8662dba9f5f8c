#!/usr/bin/env node
/**
 * npm run bench: engine scale (in Node), production bundle sizes (gzip), and time to the first
 * painted Node in Chromium. Prints a table; BENCHMARKS.md records the figures.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { bundleEngineBench } from './bundleEngine.mjs';
import { measureFirstPaint, measureTrafficFps } from './firstPaint.mjs';

const root = resolve(import.meta.dirname, '..');

/** Runs a bench entry bundled and minified like the production build, in plain Node; returns its last JSON line. */
async function runBundled(entry, env = {}) {
  const script = await bundleEngineBench(root, join(tmpdir(), `kube-playground-bench-${process.pid}.mjs`), entry);
  const out = execFileSync(process.execPath, ['--expose-gc', script], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
}

async function engine(pods, nodes) {
  return (await runBundled('bench/engine.ts', { BENCH_PODS: String(pods), BENCH_NODES: String(nodes) })).engine;
}

function bundle() {
  if (!existsSync(join(root, 'dist', 'index.html')) || process.env.BENCH_REBUILD) {
    const r = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'ignore' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const files = readdirSync(join(root, 'dist', 'assets')).map((f) => join('assets', f));
  const gz = (f) => gzipSync(readFileSync(join(root, 'dist', f))).length;
  const js = files.filter((f) => f.endsWith('.js'));
  const firstScreen = entry.reduce((n, f) => n + gz(f), 0);
  const largest = js.map((f) => ({ file: f, gzipKB: Math.round(gz(f) / 1024), rawKB: Math.round(statSync(join(root, 'dist', f)).size / 1024) }))
    .sort((a, b) => b.gzipKB - a.gzipKB).slice(0, 5);
  return { firstScreenJsGzipKB: Math.round(firstScreen / 1024), totalJsGzipKB: Math.round(js.reduce((n, f) => n + gz(f), 0) / 1024), largest };
}

const results = {};
results.engine = await engine(Number(process.env.BENCH_PODS ?? 1000), Number(process.env.BENCH_NODES ?? 100));
console.log('engine', results.engine);
results.network = (await runBundled('bench/network.ts')).network;
console.log('network', results.network);
results.bundle = bundle();
console.log('bundle', results.bundle);
try {
  results.firstPaint = await measureFirstPaint(root);
  console.log('first paint', results.firstPaint);
} catch (error) {
  console.log('first paint: not measured:', error.message);
}
try {
  results.trafficFps = await measureTrafficFps(root);
  console.log('traffic frame rate', results.trafficFps);
} catch (error) {
  console.log('traffic frame rate: not measured:', error.message);
}
console.log(JSON.stringify(results));
