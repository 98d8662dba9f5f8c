/** Time from navigation to the first Node painted on the canvas, in headless Chromium, over vite preview. */
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

async function waitForServer(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

export async function measureFirstPaint(root, runs = 5) {
  const port = 5170;
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
  try {
    await waitForServer(`http://localhost:${port}/`, 30_000);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS });
    const times = [];
    try {
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        const t0 = Date.now();
        await page.goto(`http://localhost:${port}/`);
        await page.getByRole('group', { name: /^Node node-1/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
        times.push(Date.now() - t0);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    times.sort((a, b) => a - b);
    return { medianMsToFirstNode: times[Math.floor(times.length / 2)], runs: times };
  } finally {
    process.kill(-server.pid);
  }
}
