// A job script for test/unit/jobs.test.ts: doubles numbers, and says which thread did it.
import { isMainThread } from 'node:worker_threads';
import { isJobWorker, serveJobs } from '../../server/src/cli/jobs';

export interface TestJob {
  n: number;
}

export function doubleJob(job: TestJob): { n: number; onMainThread: boolean } {
  return { n: job.n * 2, onMainThread: isMainThread };
}

if (isJobWorker()) serveJobs(doubleJob);
