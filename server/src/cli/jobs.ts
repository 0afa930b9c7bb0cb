// Checks files on N threads: the main thread and N - 1 worker threads
// (node:worker_threads). Each worker is this same script started again with a
// marker in workerData. The main thread checks drafts too: a worker costs a
// second copy of the NLP layer and its own warm-up of V8's compiler, and an idle
// main thread would waste one of the cores the run is given. Every thread takes
// the next job from one counter shared between threads, so none waits on a
// message to get work, and a thread busy with a long draft holds no queue of
// others. Results are put back in the order of the jobs: the output is the same
// whatever the number of threads.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const workerMarker = 'copydesk-check-worker';

export const defaultJobCount = (): number => Math.max(1, availableParallelism());

/** True inside a worker started by runJobs. */
export const isJobWorker = (): boolean => !isMainThread && (workerData as { role?: string } | undefined)?.role === workerMarker;

/** What a worker is given when it starts. */
interface WorkerStart<J> {
  role: string;
  jobs: readonly J[];
  options: unknown;
  /** counter[0]: the next job to take, shared by every thread of the run. */
  counter: Int32Array;
  /** claims[slot]: the job this worker is on (-1 before its first), for the main thread to take over if the worker dies. */
  claims: Int32Array;
  slot: number;
}
interface Reply<R> {
  index: number;
  result?: R;
  failure?: string;
}

/** The next job's index, taken from the shared counter; jobs.length or more when none is left. */
const takeJob = (counter: Int32Array): number => Atomics.add(counter, 0, 1);

/** In a worker: take jobs from the shared counter and answer each with `work` until none is left. */
export function serveJobs<J, R>(work: (job: J, options: unknown) => R): void {
  const port = parentPort!;
  const { jobs, options, counter, claims, slot } = workerData as WorkerStart<J>;
  const next = () => {
    const index = takeJob(counter);
    if (index >= jobs.length) return;
    Atomics.store(claims, slot, index);
    let reply: Reply<R>;
    try {
      reply = { index, result: work(jobs[index], options) };
    } catch (error) {
      reply = { index, failure: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
    // One job per turn of the event loop, so that the worker's writes to stderr go out as it works.
    setImmediate(next);
  };
  next();
}

export interface JobRun<J, R> {
  jobs: readonly J[];
  /** How many threads check drafts: the main thread and workers - 1 worker threads. */
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
   * hands its job back to the main thread.
   */
  heapLimitMb?: number;
}

/** Runs every job; resolves with the results in the jobs' order. A job that throws rejects the run. */
export async function runJobs<J, R>(run: JobRun<J, R>): Promise<R[]> {
  const results = new Array<R>(run.jobs.length);
  const workers = Math.min(run.workers, run.jobs.length) - 1;
  if (workers <= 0) {
    run.jobs.forEach((job, i) => {
      results[i] = run.work(job, run.options);
      run.onProgress?.(i + 1);
    });
    return results;
  }
  const counter = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * workers)).fill(-1);
  const finished = new Uint8Array(run.jobs.length);
  let done = 0;
  const pool = new Set<Worker>();
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: unknown) => {
        failed = true;
        reject(error);
      };
      const finish = (index: number, result: R) => {
        if (finished[index]) return;
        finished[index] = 1;
        results[index] = result;
        done++;
        run.onProgress?.(done);
        if (done === run.jobs.length) resolve();
      };
      const onMainThread = (index: number) => {
        try {
          finish(index, run.work(run.jobs[index], run.options));
        } catch (error) {
          fail(error);
        }
      };
      const startWorker = (slot: number) => {
        const start: WorkerStart<J> = { role: workerMarker, jobs: run.jobs, options: run.options, counter, claims, slot };
        const workerOptions = {
          workerData: start,
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
        let answered = 0;
        worker.on('message', (reply: Reply<R>) => {
          if (reply.failure !== undefined) return fail(new Error(reply.failure));
          answered++;
          finish(reply.index, reply.result as R);
        });
        worker.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return fail(error);
          // A draft too big for a worker's heap is checked on the main thread, whose heap is not
          // bounded, and a fresh worker goes on with the rest (unless this one never finished a job:
          // then the heap limit is too small for any draft, and the other threads go on).
          pool.delete(worker);
          const lost = Atomics.load(claims, slot);
          Atomics.store(claims, slot, -1);
          if (answered > 0 && Atomics.load(counter, 0) < run.jobs.length) startWorker(slot);
          if (lost >= 0 && !finished[lost]) onMainThread(lost);
        });
        // A worker ends by itself (exit code 0) once no job is left for it.
        worker.on('exit', (code) => {
          if (pool.delete(worker) && code !== 0 && done < run.jobs.length) fail(new Error(`a worker thread stopped (exit code ${code})`));
        });
      };
      // The workers start (loading the NLP layer takes them a while) as the main thread begins.
      for (let slot = 0; slot < workers; slot++) startWorker(slot);
      // The main thread takes one job per turn of the event loop, so the workers' answers are
      // taken in (and the progress shown) between its own.
      const next = () => {
        if (failed) return;
        const index = takeJob(counter);
        if (index >= run.jobs.length) return;
        onMainThread(index);
        setImmediate(next);
      };
      setImmediate(next);
    });
  } finally {
    await Promise.all([...pool].map((worker) => worker.terminate()));
  }
  return results;
}
