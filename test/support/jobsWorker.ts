// A job script for test/unit/jobs.test.ts: doubles numbers, and says which thread did it.
import { isMainThread } from 'node:worker_threads';
import { isJobWorker, serveJobs } from '../../server/src/cli/jobs';

export interface TestJob {
  n: number;
  /**
   * Shared between threads: a worker sets it when it doubles a number, and the main thread waits
   * for that before its own first answer, so that both threads surely take part in a short run.
   */
  workerStarted?: Int32Array;
}

export function doubleJob(job: TestJob): { n: number; onMainThread: boolean } {
  if (job.workerStarted) {
    if (isMainThread) Atomics.wait(job.workerStarted, 0, 0, 20_000);
    else {
      Atomics.store(job.workerStarted, 0, 1);
      Atomics.notify(job.workerStarted, 0);
    }
  }
  return { n: job.n * 2, onMainThread: isMainThread };
}

if (isJobWorker()) serveJobs(doubleJob);
