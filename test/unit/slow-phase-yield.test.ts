// Between two slices of the slow phase, a request that arrived during the first is answered
// before the second starts: vscode-jsonrpc dispatches each message on a setImmediate, which
// queues behind the slice's own continuation unless the pause waits one more turn.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yieldToRequests } from '../../server/src/lsp/sessions';

test('a request queued while a slice ran goes before the next slice', async () => {
  const order: string[] = [];
  const pause = yieldToRequests().then(() => order.push('next slice'));
  // As vscode-jsonrpc queues a message read from the client during the slice.
  setImmediate(() => order.push('hover'));
  await pause;
  assert.deepEqual(order, ['hover', 'next slice']);
});
