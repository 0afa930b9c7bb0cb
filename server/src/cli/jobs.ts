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
  /**
   * Bounds each worker's old generation (MB): V8 otherwise lets a heap grow far past what it holds
   * before collecting, and every worker's slack adds to the run's memory. A worker that runs out
   * hands its jobs back to the main thread.
   */
  heapLimitMb?: number;
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
  const pool = new Set<Worker>();
  try {
    await new Promise<void>((resolve, reject) => {
      const finish = (index: number, result: R) => {
        results[index] = result;
        // Counted apart: onProgress?.(++done) skips the count when there is no onProgress.
        done++;
        run.onProgress?.(done);
        if (done === run.jobs.length) resolve();
      };
      const feed = (worker: Worker, inFlight: Set<number>) => {
        if (next >= run.jobs.length) return;
        const index = next++;
        inFlight.add(index);
        worker.postMessage({ index, job: run.jobs[index] } satisfies Request<J>);
      };
      /** Jobs a lost worker held, and when no worker is left, the rest: checked here, on the main thread. */
      const onMainThread = (indexes: Iterable<number>) => {
        try {
          for (const index of indexes) finish(index, run.work(run.jobs[index], run.options));
          if (pool.size === 0) while (next < run.jobs.length) finish(next, run.work(run.jobs[next++], run.options));
        } catch (error) {
          reject(error);
        }
      };
      const startWorker = () => {
        const workerOptions = {
          workerData: { role: workerMarker, options: run.options },
          ...(run.heapLimitMb ? { resourceLimits: { maxOldGenerationSizeMb: run.heapLimitMb } } : {}),
        };
        // Run from its TypeScript source (the tests do), a worker loads tsx first; the bundle needs nothing.
        const worker = run.script.endsWith('.ts')
          ? new Worker(`require(${JSON.stringify(createRequire(run.script).resolve('tsx/cjs'))}); require(${JSON.stringify(run.script)});`, {
              ...workerOptions,
              eval: true,
            })
          : new Worker(run.script, workerOptions);
        pool.add(worker);
        const inFlight = new Set<number>();
        let answered = 0;
        worker.on('message', (reply: Reply<R>) => {
          if (reply.failure !== undefined) return reject(new Error(reply.failure));
          inFlight.delete(reply.index);
          answered++;
          finish(reply.index, reply.result as R);
          if (done < run.jobs.length) feed(worker, inFlight);
        });
        worker.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(error);
          // A draft too big for a worker's heap: it and the jobs queued behind it are checked on the
          // main thread, whose heap is not bounded, and a fresh worker takes the rest (unless this one
          // never finished a job: then the heap limit is too small for any draft, and the others go on).
          pool.delete(worker);
          const lost = [...inFlight];
          inFlight.clear();
          if (answered > 0 && next < run.jobs.length) {
            const replacement = startWorker();
            for (let k = 0; k < jobsInFlight; k++) feed(replacement.worker, replacement.inFlight);
          }
          onMainThread(lost);
        });
        worker.on('exit', (code) => {
          if (pool.has(worker) && done < run.jobs.length) reject(new Error(`a worker thread stopped (exit code ${code})`));
        });
        return { worker, inFlight };
      };
      for (let w = 0; w < workers; w++) {
        const { worker, inFlight } = startWorker();
        for (let k = 0; k < jobsInFlight; k++) feed(worker, inFlight);
      }
    });
  } finally {
    await Promise.all([...pool].map((worker) => worker.terminate()));
  }
  return results;
}
