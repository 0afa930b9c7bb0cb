import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { test } from 'node:test';
import { runJobs } from '../../server/src/cli/jobs';
import { doubleJob, type TestJob } from '../support/jobsWorker';

const script = path.resolve(__dirname, '..', 'support', 'jobsWorker.ts');

test('runJobs: results in the jobs order with two workers, each worker fed ahead', async () => {
  const jobs: TestJob[] = Array.from({ length: 9 }, (_, n) => ({ n }));
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
  assert.ok(results.every((r) => !r.onMainThread));
  assert.deepEqual(progress, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('runJobs: every job done and the run resolved without a progress callback', async () => {
  const jobs: TestJob[] = Array.from({ length: 5 }, (_, n) => ({ n }));
  const results = await runJobs({ jobs, workers: 2, script, options: undefined, work: (job) => doubleJob(job as TestJob) });
  assert.deepEqual(
    results.map((r) => r.n),
    [0, 2, 4, 6, 8],
  );
});
