import { after, test } from 'node:test';
import { applyYaml, closeAll, openApp } from '/work/main/tests/e2e/harness';
after(closeAll);
test('shots', async () => {
  for (const vp of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
    const { page } = await openApp({ viewport: vp });
    await page.getByRole('button', { name: 'Reset cluster' }).click();
    await applyYaml(page, `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    livenessProbe: {httpGet: {path: /, port: 80}}\n    readinessProbe: {httpGet: {path: /, port: 80}}\n  - name: log\n    image: busybox\n    command: [sleep, '3600']\n`);
    for (let i = 0; i < 40; i++) await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: /^Pod web,/ }).click({ button: 'right', position: { x: 20, y: 10 } });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/faults-menu-${vp.width}.png` });
    await page.getByRole('menuitem', { name: 'Kill container app…' }).click();
    await page.screenshot({ path: `/tmp/faults-form-${vp.width}.png` });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Pod web,/ }).click({ position: { x: 20, y: 10 } });
    const actions = page.getByRole('button', { name: 'Actions', exact: true });
    if ((await actions.getAttribute('aria-expanded')) !== 'true') await actions.click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/faults-inspector-${vp.width}.png` });
  }
});
