// The worker thread that reads and analyses drafts for the workspace index,
// so building the index of thousands of drafts uses the second core and never
// holds up the server's answers to the editor. One message in (a file), one
// message out (its record, or why it was skipped).

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
