// Checks files in worker threads (node:worker_threads). Each worker is this
// same script started again with a marker in workerData; it is handed jobs one
// at a time, with one more waiting in its queue so that it never idles while
// its answer travels back, and results are put back in the order of the jobs:
// the output is the same whatever the number of workers.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const workerMarker = 'copydesk-check-worker';
/** Jobs handed to a worker before it answers: one running, one waiting in its queue. */
const jobsInFlight = 2;

export const defaultJobCount = (): number => Math.max(1, availableParallelism());

/** True inside a worker started by runJobs. */
export const isJobWorker = (): boolean => !isMainThread && (workerData as { role?: string } | undefined)?.role === workerMarker;

interface Request<J> {
  index: number;
  job: J;
}
interface Reply<R> {
  index: number;
  result?: R;
  failure?: string;
}

/** In a worker: answer jobs with `work` until the main thread closes the port. */
export function serveJobs<J, R>(work: (job: J, options: unknown) => R): void {
  const port = parentPort!;
  const { options } = workerData as { options: unknown };
  port.on('message', ({ index, job }: Request<J>) => {
    let reply: Reply<R>;
    try {
      reply = { index, result: work(job, options) };
    } catch (error) {
      reply = { index, failure: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}

export interface JobRun<J, R> {
  jobs: readonly J[];
  /** How many workers; 1 runs every job on the main thread. */
  workers: number;
  /** The script the workers run (it calls serveJobs when isJobWorker()). */
  script: string;
  /** Passed to every call of `work`, on the main thread or in a worker (structured-cloned). */
  options: unknown;
  work: (job: J, options: unknown) => R;
  /** Called after each job, in completion order, with the number done. */
  onProgress?: (done: number) => void;
}

/** Runs every job; resolves with the results in the jobs' order. A job that throws rejects the run. */
export async function runJobs<J, R>(run: JobRun<J, R>): Promise<R[]> {
  const results = new Array<R>(run.jobs.length);
  const workers = Math.min(run.workers, run.jobs.length);
  if (workers <= 1) {
    run.jobs.forEach((job, i) => {
      results[i] = run.work(job, run.options);
      run.onProgress?.(i + 1);
    });
    return results;
  }
  let next = 0;
  let done = 0;
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker) => {
        if (next >= run.jobs.length) return;
        const index = next++;
        worker.postMessage({ index, job: run.jobs[index] } satisfies Request<J>);
      };
      for (let w = 0; w < workers; w++) {
        const workerOptions = { workerData: { role: workerMarker, options: run.options } };
        // Run from its TypeScript source (the tests do), a worker loads tsx first; the bundle needs nothing.
        const worker = run.script.endsWith('.ts')
          ? new Worker(`require(${JSON.stringify(createRequire(run.script).resolve('tsx/cjs'))}); require(${JSON.stringify(run.script)});`, {
              ...workerOptions,
              eval: true,
            })
          : new Worker(run.script, workerOptions);
        pool.push(worker);
        worker.on('message', (reply: Reply<R>) => {
          if (reply.failure !== undefined) return reject(new Error(reply.failure));
          results[reply.index] = reply.result as R;
          run.onProgress?.(++done);
          if (done === run.jobs.length) resolve();
          else feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (done < run.jobs.length) reject(new Error(`a worker thread stopped (exit code ${code})`));
        });
        for (let k = 0; k < jobsInFlight; k++) feed(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results;
}
