/**
 * A guided lesson in Chinese: the header opens the Lessons dialog, the dialog switches to 中文 and
 * starts "The Pod and its pause container" (Pod 与它的 pause 容器) on a fresh cluster; every stage
 * shows its text and puts its manifests in the editor; each prediction is answered and checked;
 * the cluster is played (or jumped) to each stage's pause point; the lesson reaches its end.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { podPauseContainer as lesson } from '../../src/lessons/library/podPauseContainer';
import { closeAll, openApp, readObjects, readState, until } from './harness';

after(closeAll);


const panel = (page: Page) => page.getByRole('region', { name: lesson.title.zh });

async function answer(page: Page, stage: number): Promise<void> {
  const predict = lesson.stages[stage].predict!;
  const group = panel(page).getByRole('group', { name: predict.question.zh.replace(/`/g, '') });
  await group.getByRole('radio', { name: predict.choices[predict.answer].zh }).check();
  await panel(page).getByRole('button', { name: '检查我的答案' }).click();
  const verdict = panel(page).getByRole('status').filter({ hasText: '回答正确' });
  await verdict.waitFor();
  assert.match((await verdict.textContent()) ?? '', new RegExp(predict.why.zh.slice(0, 12)));
}

async function toPausePoint(page: Page, play: boolean): Promise<void> {
  const paused = panel(page).getByRole('status').filter({ hasText: '已暂停' });
  if (!(await paused.isVisible())) {
    await panel(page).getByRole('button', { name: play ? '播放到暂停点' : '直接跳到暂停点' }).click();
  }
  await paused.waitFor({ timeout: 60_000 });
}

test('a lesson in Chinese, from the Lessons dialog to its end', async () => {
  const app = await openApp();
  const { page } = app;

  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lessons' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '中文' }).click();
  const zhDialog = page.getByRole('dialog', { name: '课程' });
  await zhDialog.waitFor();
  assert.equal(await zhDialog.getByRole('listitem').count(), 12);
  const stepsBefore = (await readState(page)).stepCount;
  await zhDialog.getByRole('button', { name: lesson.title.zh, exact: true }).click();
  await zhDialog.waitFor({ state: 'detached' });

  // a fresh cluster: the demo's Deployment is gone, the lesson's Pod is applied and in the editor
  await panel(page).waitFor();
  assert.deepEqual(await readObjects(page, 'Deployment'), []);
  assert.deepEqual(await readObjects(page, 'Pod'), ['default/shared']);
  assert.ok((await readState(page)).stepCount < stepsBefore);

  for (let i = 0; i < lesson.stages.length; i++) {
    const stage = lesson.stages[i];
    await panel(page).getByText(`第 ${i + 1} 阶段，共 ${lesson.stages.length} 个`).waitFor();
    await panel(page).getByText(stage.text.zh.split('\n\n')[0].replace(/`/g, '').slice(0, 20)).first().waitFor();
    if (stage.apply) {
      await until(`stage ${i + 1}'s manifests are in the editor`, async () => (await readState(page)).editorText === stage.apply);
    }
    if (stage.predict) await answer(page, i);
    // the first stage plays Step by Step at the timeline's speed; the others jump
    await toPausePoint(page, i === 0);
    const last = i === lesson.stages.length - 1;
    await panel(page).getByRole('button', { name: last ? '完成课程' : '下一阶段' }).click();
  }

  await panel(page).getByRole('status').filter({ hasText: '课程完成' }).waitFor();
  // what the lesson ran is in the cluster: its three Pods
  assert.deepEqual((await readObjects(page, 'Pod')).sort(), ['default/crashy', 'default/neighbours', 'default/shared']);
  assert.deepEqual(app.errors, []);
  assert.deepEqual(app.offsiteRequests, []);
});
