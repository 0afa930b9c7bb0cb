// Small requests for tests and bug reports. `copydesk/documentDigest` tells a
// client what the server believes a buffer holds (version, length and a SHA-1
// of the text), so a fuzz test can check that incremental sync never drifts
// from the editor; it reveals no text.
//
// `copydesk/memory` lets the same tests check that memory stays bounded, and
// `copydesk/processId` lets an editor test end the server to see it restarted.
//
// COPYDESK_TEST_FAILING_RULE=<rule id> makes that rule throw on every check.
// The protocol tests use it to prove that one broken rule is contained: it is
// logged with its id and the other rules still report. Never set in use.

import { createHash } from 'node:crypto';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Rule } from '../analysis/rule';
import { rules } from '../analysis/rules/index';

export const documentDigestRequest = 'copydesk/documentDigest';
/** Memory in use; after a full garbage collection when node runs with --expose-gc. */
export const memoryRequest = 'copydesk/memory';
/** The server's process id, so an editor test can end the process and watch the client restart it. */
export const processIdRequest = 'copydesk/processId';

export interface DocumentDigest {
  version: number;
  /** UTF-16 code units, as the protocol counts. */
  length: number;
  /** SHA-1 of the text encoded as UTF-16LE, so lone surrogates hash faithfully. */
  sha1: string;
}

export function digestOf(text: string, version: number): DocumentDigest {
  return { version, length: text.length, sha1: createHash('sha1').update(text, 'utf16le').digest('hex') };
}

export function registerDebugRequests(connection: Connection, documents: TextDocuments<TextDocument>): void {
  connection.onRequest(documentDigestRequest, (params: { uri: string }): DocumentDigest | null => {
    const document = documents.get(params.uri);
    return document ? digestOf(document.getText(), document.version) : null;
  });

  connection.onRequest(memoryRequest, () => {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (collect) collect();
    const { rss, heapUsed } = process.memoryUsage();
    return { rss, heapUsed, collected: collect !== undefined };
  });

  connection.onRequest(processIdRequest, () => process.pid);

  const failingRuleId = process.env.COPYDESK_TEST_FAILING_RULE;
  if (failingRuleId) breakRuleForTests(failingRuleId);
}

function breakRuleForTests(ruleId: string): void {
  const rule = rules.find((r) => r.id === ruleId) as { -readonly [K in keyof Rule]: Rule[K] } | undefined;
  if (!rule) return;
  rule.check = () => {
    throw new Error(`${ruleId} broken on purpose by COPYDESK_TEST_FAILING_RULE`);
  };
}
