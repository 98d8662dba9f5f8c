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

/**
 * Frame rate while 1,000 requests per virtual second flow to the demo Service and playback runs
 * (the graph animating the sampled requests), driven through the page as a person would.
 */
export async function measureTrafficFps(root, seconds = 5) {
  const port = 5171;
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
  try {
    await waitForServer(`http://localhost:${port}/`, 30_000);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS });
    try {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await page.goto(`http://localhost:${port}/`);
      const dismiss = page.getByRole('button', { name: 'Dismiss', exact: true });
      await page.getByRole('group', { name: /^Node node-1/ }).first().waitFor({ timeout: 30_000 });
      if (await dismiss.count()) await dismiss.click();
      await page.getByRole('slider', { name: 'Speed' }).fill('20');
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.getByRole('button', { name: 'Deployment web, 3/3 ready' }).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: /^Service web, ClusterIP / }).click();
      const inspector = page.getByRole('complementary', { name: 'Inspector' });
      await inspector.getByRole('tab', { name: 'Traffic' }).click();
      await inspector.getByRole('spinbutton', { name: 'Requests per second' }).fill('1000');
      await inspector.getByRole('button', { name: 'Start traffic' }).click();
      const play = page.getByRole('button', { name: 'Play', exact: true });
      if (await play.count()) await play.click();
      const frames = await page.evaluate((ms) => new Promise((done) => {
        let n = 0;
        const end = performance.now() + ms;
        const tick = () => { n += 1; if (performance.now() < end) requestAnimationFrame(tick); else done(n); };
        requestAnimationFrame(tick);
      }), seconds * 1000);
      return { fps: Math.round((frames / seconds) * 10) / 10, requestsPerVirtualSecond: 1000, seconds };
    } finally {
      await browser.close();
    }
  } finally {
    process.kill(-server.pid);
  }
}
