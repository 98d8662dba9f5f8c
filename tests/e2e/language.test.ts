/**
 * The language switch: 中文 / English in the header, at any time, without losing anything; the
 * browser's language chosen first; the choice kept for the next visit.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { closeAll, openApp, readState, startServer } from './harness';

after(closeAll);

const ZH_EDITOR = 'Kubernetes YAML 编辑器';

async function visible(page: Page, role: Parameters<Page['getByRole']>[0], name: string): Promise<void> {
  await page.getByRole(role, { name, exact: true }).first().waitFor({ state: 'visible', timeout: 10_000 });
}

/** Known chrome of every pane, in Chinese. */
async function expectChinese(page: Page): Promise<void> {
  // header
  await visible(page, 'button', '重置集群');
  await visible(page, 'group', '语言 / Language');
  assert.equal(await page.getByRole('button', { name: '中文', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: 'English', exact: true }).getAttribute('aria-pressed'), 'false');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  // editor pane
  const editor = page.getByRole('region', { name: '清单编辑器', exact: true });
  await editor.getByRole('heading', { name: '清单', exact: true }).waitFor();
  await editor.getByRole('button', { name: '应用', exact: true }).waitFor();
  await editor.getByRole('button', { name: '打开 YAML 文件', exact: true }).first().waitFor();
  await page.getByRole('textbox', { name: ZH_EDITOR }).first().waitFor({ state: 'attached' });
  // canvas
  await visible(page, 'main', '集群');
  await visible(page, 'toolbar', '图选项');
  await visible(page, 'switch', '显示所属关系');
  await visible(page, 'button', '放大');
  // timeline
  const timeline = page.getByRole('region', { name: '时间线', exact: true });
  await timeline.getByRole('button', { name: '上一步', exact: true }).waitFor();
  await timeline.getByRole('button', { name: '下一步', exact: true }).waitFor();
  await timeline.getByRole('button', { name: '播放', exact: true }).waitFor();
  await timeline.getByRole('slider', { name: '速度', exact: true }).waitFor();
  await timeline.getByRole('slider', { name: '时间线位置', exact: true }).waitFor();
  await timeline.getByRole('list', { name: '步骤', exact: true }).waitFor();
  // inspector
  await visible(page, 'complementary', '检查器');
  // no English chrome left behind
  for (const [role, name] of [['button', 'Reset cluster'], ['button', 'Apply'], ['button', 'Step forward'], ['complementary', 'Inspector']] as const) {
    assert.equal(await page.getByRole(role, { name, exact: true }).count(), 0, `${role} "${name}" is still English`);
  }
}

async function expectEnglish(page: Page): Promise<void> {
  await visible(page, 'button', 'Reset cluster');
  await visible(page, 'group', 'Language');
  assert.equal(await page.getByRole('button', { name: 'English', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('region', { name: 'Manifest editor', exact: true }).getByRole('button', { name: 'Apply', exact: true }).waitFor();
  await page.getByRole('textbox', { name: 'Kubernetes YAML editor' }).first().waitFor({ state: 'attached' });
  await visible(page, 'toolbar', 'Graph options');
  await page.getByRole('region', { name: 'Timeline', exact: true }).getByRole('button', { name: 'Step forward', exact: true }).waitFor();
  await visible(page, 'complementary', 'Inspector');
  assert.equal(await page.getByRole('button', { name: '重置集群', exact: true }).count(), 0);
}

test('中文 translates every pane at any time, keeps the cluster, timeline, text and selection, and switches back', async () => {
  const app = await openApp();
  const { page } = app;
  await expectEnglish(page);
  const pod = page.getByRole('button', { name: /^Pod \S+, / }).first();
  for (let i = 0; i < 100 && (await pod.count()) === 0; i++) {
    const cursor = (await readState(page)).cursor;
    await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    await page.waitForFunction((c) => window.__kubePlayground!.state!().cursor !== c, cursor);
  }
  const podName = /^Pod (\S+),/.exec((await pod.getAttribute('aria-label')) ?? '')?.[1];
  assert.ok(podName, 'a Pod on the canvas');
  await pod.click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('tab', { name: 'Describe' }).waitFor();
  const before = await readState(page);

  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await expectChinese(page);
  const zhInspector = page.getByRole('complementary', { name: '检查器' });
  await zhInspector.getByRole('tablist', { name: '检查器视图' }).waitFor();
  for (const tab of ['描述', 'YAML', '事件']) await zhInspector.getByRole('tab', { name: tab, exact: true }).waitFor();
  await zhInspector.getByRole('button', { name: '取消选择' }).waitFor();
  assert.match((await zhInspector.textContent()) ?? '', new RegExp(`${podName}[\\s\\S]*截至第 ${before.cursor} 步`));
  // the graph's accessible names: Chinese words, Kubernetes terms and values as they are
  await page.getByRole('button', { name: new RegExp(`^Pod ${podName}，\\S+，.*就绪 \\d/\\d`) }).waitFor();
  // nothing but the words changed
  const after = await readState(page);
  assert.deepEqual(
    { cursor: after.cursor, steps: after.stepCount, text: after.editorText, version: after.version },
    { cursor: before.cursor, steps: before.stepCount, text: before.editorText, version: before.version },
  );

  // still usable in Chinese: the timeline moves, the inspector follows
  await page.getByRole('button', { name: '下一步', exact: true }).click();
  await page.waitForFunction((c) => window.__kubePlayground!.state!().cursor === c + 1, before.cursor);

  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'English' }).click();
  await expectEnglish(page);
  await inspector.getByRole('tab', { name: 'Describe' }).waitFor();
  assert.equal((await readState(page)).editorText, before.editorText);
  assert.deepEqual(app.errors, []);
  await app.close();
});

test('the choice is kept for the next visit', async () => {
  const app = await openApp();
  await app.page.getByRole('button', { name: '中文', exact: true }).click();
  await app.page.getByRole('button', { name: '重置集群', exact: true }).waitFor();
  await app.page.reload();
  await app.page.getByRole('textbox', { name: ZH_EDITOR }).first().waitFor({ state: 'attached' });
  await expectChinese(app.page);
  await app.close();
});

async function openInLocale(locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const first = await openApp(); // the harness's browser and server
  const browser = first.context.browser();
  await first.close();
  assert.ok(browser);
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(await startServer());
  return { context, page };
}

test("the browser's language is chosen first: zh-CN starts in Chinese", async () => {
  const { context, page } = await openInLocale('zh-CN');
  try {
    assert.deepEqual(await page.evaluate(() => navigator.language), 'zh-CN');
    await page.getByRole('textbox', { name: ZH_EDITOR }).first().waitFor({ state: 'attached', timeout: 30_000 });
    await expectChinese(page);
    // and English stays one click away
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expectEnglish(page);
  } finally {
    await context.close();
  }
});
