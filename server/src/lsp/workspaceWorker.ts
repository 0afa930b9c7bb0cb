// A worker thread that reads and analyses drafts for the workspace index, so
// building the index of thousands of drafts uses the spare cores and never
// holds up the server's answers to the editor. One message in (a file), one
// message out (its record, or why it was skipped). It runs at a lower
// priority than the server's main thread, so a keystroke's analysis is never
// queued behind it for a core.

import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { clearTextCaches } from '../analysis/cache';
import { indexDraftFile } from '../workspaceScan';

export interface IndexRequest {
  id: number;
  path: string;
  maxDraftSize: number;
}

export type IndexResponse = { id: number } & (
  { record: import('../analysis/workspace/index').DraftRecord } | { skipped: import('../workspaceScan').SkipReason; reason: string }
);

/** Nice steps below the server: enough that the main thread wins a contended core. */
const lowerBy = 10;

/** On Linux a thread has its own nice value, set through its thread id (/proc/thread-self names it). */
function lowerThreadPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    // Nice values run from -20 (first) to 19 (last).
    if (Number.isInteger(threadId)) setPriority(threadId, Math.min(19, getPriority() + lowerBy));
  } catch {
    // Elsewhere the worker keeps the server's priority.
  }
}

if (parentPort) lowerThreadPriority();

parentPort?.on('message', (request: IndexRequest) => {
  let response: IndexResponse;
  try {
    const outcome = indexDraftFile(request.path, request.maxDraftSize);
    response = 'record' in outcome ? { id: request.id, record: outcome.record } : { id: request.id, ...outcome };
  } catch (error) {
    // An analysis failure on one odd draft skips that draft, not the index.
    response = { id: request.id, skipped: 'unreadable', reason: `${request.path}: ${(error as Error).message}` };
  }
  // Drafts rarely share paragraphs: a cache kept across thousands of them only holds memory.
  clearTextCaches();
  parentPort!.postMessage(response);
});
