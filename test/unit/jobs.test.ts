import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { test } from 'node:test';
import { runJobs } from '../../server/src/cli/jobs';
import { doubleJob, type TestJob } from '../support/jobsWorker';

const script = path.resolve(__dirname, '..', 'support', 'jobsWorker.ts');

test('runJobs: results in the jobs order with two threads, the main thread and a worker both checking', async () => {
  const workerStarted = new Int32Array(new SharedArrayBuffer(4));
  const jobs: TestJob[] = Array.from({ length: 9 }, (_, n) => ({ n, workerStarted }));
  const progress: number[] = [];
  const results = await runJobs({
    jobs,
    workers: 2,
    script,
    options: undefined,
    work: (job) => doubleJob(job as TestJob),
    onProgress: (d) => progress.push(d),
  });
  assert.deepEqual(
    results.map((r) => r.n),
    jobs.map((j) => j.n * 2),
  );
  assert.ok(results.some((r) => r.onMainThread));
  assert.ok(results.some((r) => !r.onMainThread));
  assert.deepEqual(progress, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('runJobs: one job per thread at most, and more threads than jobs', async () => {
  const jobs: TestJob[] = [{ n: 1 }, { n: 2 }];
  const results = await runJobs({ jobs, workers: 4, script, options: undefined, work: (job) => doubleJob(job as TestJob) });
  assert.deepEqual(
    results.map((r) => r.n),
    [2, 4],
  );
});

test('runJobs: one thread runs every job on the main thread', async () => {
  const jobs: TestJob[] = [{ n: 1 }, { n: 2 }, { n: 3 }];
  const results = await runJobs({ jobs, workers: 1, script, options: undefined, work: (job) => doubleJob(job as TestJob) });
  assert.ok(results.every((r) => r.onMainThread));
});
