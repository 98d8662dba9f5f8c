/** The lesson panel's own words, in both lesson languages. */
import type { Language } from '../../lessons/types';

const TEXT = {
  lessons: { en: 'Lessons', zh: '课程' },
  openLessonsTitle: { en: 'Guided lessons: learn Kubernetes step by step, predicting what the cluster does', zh: '引导式课程：一步步学习 Kubernetes，先预测集群会做什么' },
  libraryIntro: {
    en: 'Each lesson resets the cluster, applies its manifests stage by stage, and asks you to predict what happens before you run it.',
    zh: '每节课都会重置集群，逐个阶段 apply 清单，并在运行之前请你预测会发生什么。',
  },
  chapter: { en: 'Chapter', zh: '第' },
  chapterSuffix: { en: '', zh: '章' },
  stages: { en: 'stages', zh: '个阶段' },
  start: { en: 'Start', zh: '开始' },
  close: { en: 'Close', zh: '关闭' },
  language: { en: 'Language', zh: '语言' },
  stageOf: { en: 'Stage {n} of {total}', zh: '第 {n} 阶段，共 {total} 个' },
  appliedManifests: { en: 'Applied to the cluster (shown in the editor)', zh: '已 apply 到集群（显示在编辑器中）' },
  commandsRun: { en: 'Commands run', zh: '已执行的命令' },
  // what joins a label to what follows it: full-width in Chinese
  colon: { en: ': ', zh: '：' },
  predict: { en: 'Predict', zh: '预测' },
  checkAnswer: { en: 'Check my answer', zh: '检查我的答案' },
  chooseFirst: { en: 'Choose an answer first.', zh: '请先选择一个答案。' },
  right: { en: 'Right.', zh: '回答正确。' },
  wrong: { en: 'Not quite — the answer is: {answer}.', zh: '不太对——正确答案是：{answer}。' },
  playToPause: { en: 'Play to pause point', zh: '播放到暂停点' },
  stopPlaying: { en: 'Stop', zh: '停止' },
  skipToPause: { en: 'Jump to pause point', zh: '直接跳到暂停点' },
  running: { en: 'Not at the pause point yet — play, step with the timeline, or jump.', zh: '尚未到达暂停点——可以播放、用时间线单步执行，或直接跳过去。' },
  atPause: { en: 'Paused: the cluster is at this stage\'s pause point.', zh: '已暂停：集群到达了本阶段的暂停点。' },
  clusterReplaced: { en: 'The cluster was reset or replaced. Restart this stage to continue.', zh: '集群已被重置或替换。重新开始本阶段以继续。' },
  restartStage: { en: 'Restart stage', zh: '重新开始本阶段' },
  previous: { en: 'Previous stage', zh: '上一阶段' },
  next: { en: 'Next stage', zh: '下一阶段' },
  finish: { en: 'Finish lesson', zh: '完成课程' },
  finished: { en: 'Lesson complete', zh: '课程完成' },
  finishedText: {
    en: 'The cluster is yours now: edit the manifests, apply them, and step through what the controllers do.',
    zh: '现在集群交给你了：修改清单、apply，然后逐步观察控制器的行为。',
  },
  moreLessons: { en: 'More lessons', zh: '更多课程' },
  exit: { en: 'Leave lesson', zh: '退出课程' },
  collapse: { en: 'Hide lesson', zh: '收起课程' },
  expand: { en: 'Show lesson', zh: '展开课程' },
  inviteTitle: { en: 'New to Kubernetes?', zh: '初次接触 Kubernetes？' },
  inviteText: {
    en: '12 guided lessons walk through Pods, Deployments, Services, storage and more — predicting each step before you run it.',
    zh: '12 节引导式课程带你了解 Pod、Deployment、Service、存储等等——每一步运行之前先做预测。',
  },
  inviteButton: { en: 'Browse lessons', zh: '浏览课程' },
  dismiss: { en: 'Dismiss', zh: '不再显示' },
} satisfies Record<string, Record<Language, string>>;

export type UiTextKey = keyof typeof TEXT;

/** The panel text in a language, with `{name}` parameters filled in. */
export function t(key: UiTextKey, language: Language, params: Record<string, string | number> = {}): string {
  return TEXT[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
