/**
 * Accessibility: axe-core (injected from node_modules) finds no serious or critical violation in
 * the loaded demo app — its first screen, a Pod inspected, the timeline moved — in English and in 中文.
 */
import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { closeAll, openApp, readState } from './harness';

after(closeAll);

const AXE = resolve(dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

type AxeNode = { target: string[]; failureSummary?: string; element?: Element };

/**
 * axe's serious and critical violations. One exception, checked by `expectCardNames` instead:
 * label-content-name-mismatch on the graph's cards. A card is one button that shows a whole object
 * (kind, name, state, counts, containers…); its accessible name begins with its visible label —
 * kind and name — and sums up the rest, but axe takes every text in the card for the label.
 */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    type Raw = { id: string; impact: string | null; help: string; nodes: AxeNode[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Raw[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], elementRef: true });
    // (no named functions in here: the test compiler would wrap them in a helper the page lacks)
    return result.violations
      .map((v) => ({
        ...v,
        nodes: v.id !== 'label-content-name-mismatch' ? v.nodes
          : v.nodes.filter((n) => !(n.element?.classList.contains('react-flow__node') ?? false)),
      }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Every card's accessible name starts with the kind and name it shows (`Pod web-x, …`, `Service web, …`). */
async function expectCardNames(page: Page): Promise<void> {
  const cards = await page.locator('.react-flow__node[role="button"]').evaluateAll((els) =>
    els.map((el) => ({ name: el.getAttribute('aria-label') ?? '', text: el.textContent ?? '' })));
  assert.ok(cards.length > 0, 'the graph has cards');
  for (const { name, text } of cards) {
    const [kind, objectName] = name.split(/[,，]/)[0].split(' ');
    assert.ok(kind && objectName, `a kind and a name begin ${JSON.stringify(name)}`);
    assert.ok(text.includes(objectName), `the card named ${JSON.stringify(name)} shows ${objectName}`);
    assert.ok(text.toLowerCase().includes(kind.toLowerCase()), `the card named ${JSON.stringify(name)} shows its kind`);
  }
}

function report(violations: Violation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`).join('\n')}`).join('\n');
}

async function check(page: Page, where: string): Promise<void> {
  await page.waitForTimeout(400); // let transitions (fades, fit view) settle: axe reads colours as drawn
  const found = await seriousViolations(page);
  assert.deepEqual(found.map((v) => v.id), [], `${where}:\n${report(found)}`);
  await expectCardNames(page);
}

test('the demo app has no serious or critical axe violations, in English and in 中文', async () => {
  const app = await openApp();
  const { page } = app;
  await check(page, 'first screen (en)');

  const pod = page.getByRole('button', { name: /^Pod \S+, / }).first();
  for (let i = 0; i < 100 && (await pod.count()) === 0; i++) {
    const cursor = (await readState(page)).cursor;
    await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    await page.waitForFunction((c) => window.__kubePlayground!.state!().cursor !== c, cursor);
  }
  await pod.click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('tab', { name: 'Describe' }).waitFor();
  await check(page, 'a Pod inspected (en)');

  await page.getByRole('button', { name: '中文', exact: true }).click();
  await page.getByRole('button', { name: '重置集群', exact: true }).waitFor();
  await check(page, 'a Pod inspected (zh-CN)');

  await page.getByRole('button', { name: '取消选择', exact: true }).click();
  await page.getByRole('complementary', { name: '检查器' }).getByText('未选择任何对象').waitFor();
  await check(page, 'nothing selected (zh-CN)');
  await app.close();
});
