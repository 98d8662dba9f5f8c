/**
 * Screenshots of the built app in headless Chromium, for looking at a change and for the README:
 * `npx vite build && npx tsx scripts/screenshot.ts [out.png] [steps]`.
 */
import { closeAll, openApp } from '../tests/e2e/harness';

const out = process.argv[2] ?? 'docs/screenshot.png';
const steps = Number(process.argv[3] ?? 40);
const app = await openApp({ viewport: { width: 1440, height: 900 } });
const { page } = app;
await page.getByRole('group', { name: /^Node node-1/ }).waitFor();
const dismiss = page.getByRole('button', { name: 'Dismiss' });
if (await dismiss.count()) await dismiss.first().click();
const forward = page.getByRole('button', { name: 'Step forward' });
for (let i = 0; i < steps && (await forward.isEnabled()); i++) await forward.click();
const pod = page.getByRole('button', { name: /^Pod web-/ }).first();
if (await pod.count()) await pod.click();
await page.screenshot({ path: out });
console.log(`wrote ${out}; console errors: ${app.errors.length ? app.errors.join(' | ') : 'none'}`);
await closeAll();
