import type { Condition, Lesson } from '../types';

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: render
spec:
  completions: 5
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: worker
          image: busybox:1.36
          command: ["sh", "-c", "echo rendering; sleep 5"]
`;

const FAILING_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: flaky
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: worker
          image: busybox:1.36
          command: ["sh", "-c", "echo cannot reach the database; exit 1"]
`;

const CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: busybox:1.36
              command: ["sh", "-c", "date; echo report done"]
`;

const running = (job: string, cmp: 'equals' | 'atMost', n: number): Condition =>
  ({ count: { kind: 'Pod', selector: { 'job-name': job }, phase: 'Running' }, [cmp]: n });
const jobCondition = (job: string, type: string) => ({ object: { kind: 'Job', name: job }, path: `status.conditions[type=${type}].status` });
const reportJobs = { kind: 'Job', ownedBy: { kind: 'CronJob', name: 'report' } };

export const jobsAndCronJobs: Lesson = {
  id: 'job-cronjob',
  chapter: 11,
  title: { en: 'Job and CronJob', zh: 'Job 与 CronJob' },
  summary: {
    en: 'A Job runs Pods until a number of them succeed — several at a time with parallelism, retrying failures up to backoffLimit; a CronJob creates Jobs on a schedule and keeps a short history.',
    zh: 'Job 运行 Pod 直到足够多的 Pod 成功——可以用 parallelism 并行运行，失败时重试直到 backoffLimit；CronJob 按计划创建 Job，并保留一小段历史。',
  },
  stages: [
    {
      text: {
        en: 'Deployments keep Pods running forever. A Job is for work that finishes: its Pods use restartPolicy Never or OnFailure.\n\nThis Job render needs 5 successful Pods (completions: 5) and may run 2 at a time (parallelism: 2). Each Pod works for 5 seconds.',
        zh: 'Deployment 让 Pod 永远运行。Job 则用于会结束的工作：它的 Pod 使用 restartPolicy Never 或 OnFailure。\n\n这个 Job render 需要 5 个成功的 Pod（completions: 5），每次最多并行 2 个（parallelism: 2）。每个 Pod 工作 5 秒。',
      },
      apply: JOB,
      runUntil: { ...jobCondition('render', 'Complete'), equals: 'True' },
      pause: true,
      predict: {
        question: { en: 'How does the Job get its 5 completions?', zh: 'Job 如何凑齐 5 次完成？' },
        choices: [
          { en: 'All 5 Pods run at once', zh: '5 个 Pod 同时运行' },
          { en: 'One Pod runs 5 times in a row', zh: '一个 Pod 连续运行 5 次' },
          { en: 'Never more than 2 Pods at a time, 5 Pods in all', zh: '任何时刻最多 2 个 Pod，总共 5 个 Pod' },
        ],
        answer: 2,
        check: [
          { ever: running('render', 'equals', 5) },
          { allOf: [{ always: running('render', 'atMost', 1) }, { object: { kind: 'Job', name: 'render' }, path: 'status.succeeded', equals: 5 }] },
          {
            allOf: [
              { ever: running('render', 'equals', 2) }, { always: running('render', 'atMost', 2) },
              { count: { kind: 'Pod', selector: { 'job-name': 'render' }, phase: 'Succeeded' }, equals: 5 },
            ],
          },
        ],
        why: {
          en: 'The Job controller keeps min(parallelism, completions − succeeded) Pods active: 2, 2, then 1 for the last completion.',
          zh: 'Job 控制器保持 min(parallelism, completions − succeeded) 个活跃 Pod：2 个、2 个，最后 1 个完成收尾。',
        },
      },
    },
    {
      text: {
        en: 'Work can fail. The Job flaky runs a Pod that always exits with code 1, and sets backoffLimit: 2. A failed Pod is replaced after a back-off of 10s, then 20s, …',
        zh: '工作也可能失败。Job flaky 运行的 Pod 总是以退出码 1 结束，并设置了 backoffLimit: 2。失败的 Pod 会在回退 10 秒、20 秒……之后被替换。',
      },
      apply: FAILING_JOB,
      runUntil: { ...jobCondition('flaky', 'Failed'), equals: 'True' },
      pause: true,
      predict: {
        question: { en: 'How many Pods fail before the Job gives up?', zh: 'Job 放弃之前会失败多少个 Pod？' },
        choices: [
          { en: '2: backoffLimit counts the tries', zh: '2 个：backoffLimit 计的是尝试次数' },
          { en: '3: the Job fails once failures exceed backoffLimit', zh: '3 个：失败次数超过 backoffLimit 时 Job 才失败' },
          { en: '7: backoffLimit is a minimum; 6 retries by default', zh: '7 个：backoffLimit 只是下限，默认重试 6 次' },
        ],
        answer: 1,
        check: [
          { object: { kind: 'Job', name: 'flaky' }, path: 'status.failed', equals: 2 },
          {
            allOf: [
              { object: { kind: 'Job', name: 'flaky' }, path: 'status.failed', equals: 3 },
              { object: { kind: 'Job', name: 'flaky' }, path: 'status.conditions[type=Failed].reason', equals: 'BackoffLimitExceeded' },
            ],
          },
          { object: { kind: 'Job', name: 'flaky' }, path: 'status.failed', equals: 7 },
        ],
        why: {
          en: 'With restartPolicy Never each failure is a new Pod; the Job fails with BackoffLimitExceeded when failed > backoffLimit, i.e. at the third.',
          zh: 'restartPolicy 为 Never 时每次失败都是一个新 Pod；当 failed > backoffLimit，也就是第三次失败时，Job 以 BackoffLimitExceeded 失败。',
        },
      },
    },
    {
      text: {
        en: 'A CronJob creates a Job on a cron schedule — here every minute ("* * * * *"). By default it keeps the last 3 successful Jobs (successfulJobsHistoryLimit) and 1 failed one.\n\nLet six minutes pass.',
        zh: 'CronJob 按 cron 计划创建 Job——这里是每分钟一次（"* * * * *"）。默认保留最近 3 个成功的 Job（successfulJobsHistoryLimit）和 1 个失败的 Job。\n\n让时间过去六分钟。',
      },
      apply: CRONJOB,
      runUntil: { ms: 360_000 },
      pause: true,
      predict: {
        question: { en: 'How many Jobs of report exist then?', zh: '那时 report 的 Job 有几个？' },
        choices: [
          { en: 'One per minute so far (6), all kept', zh: '到目前为止每分钟一个（6 个），全部保留' },
          { en: '1: each new Job replaces the previous one', zh: '1 个：每个新 Job 取代上一个' },
          { en: '3: the older finished Jobs were deleted', zh: '3 个：更早完成的 Job 被删除了' },
        ],
        answer: 2,
        check: [
          { count: reportJobs, atLeast: 5 },
          { count: reportJobs, equals: 1 },
          {
            allOf: [
              { count: reportJobs, equals: 3 },
              { events: { reason: 'SuccessfulCreate', kind: 'CronJob', name: 'report' }, equals: 6 },
              { events: { reason: 'SuccessfulDelete', kind: 'CronJob', name: 'report' }, equals: 3 },
            ],
          },
        ],
        why: {
          en: 'Six Jobs were created, named report-<scheduled time in minutes>; after each finishes, the controller deletes finished Jobs beyond successfulJobsHistoryLimit, oldest first.',
          zh: '共创建了 6 个 Job，名为 report-<按分钟计的计划时间>；每个完成后，控制器按从旧到新删除超出 successfulJobsHistoryLimit 的已完成 Job。',
        },
      },
    },
  ],
};
