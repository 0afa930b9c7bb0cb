// `npm run bench:workspace -- DIR`: the figures of issue 16 for a folder of
// drafts taken as a workspace (the 2,225 BBC articles: ../shared/corpora/bbc),
// through the real server (dist/server.js) over stdio. The folder is read in
// place, never copied; the index is saved to a temporary storage folder that
// is removed at the end. It prints figures only; nothing here passes or fails.
//
//   1. index build time: initialized -> the work-done progress ends, while
//      requests are sent throughout (a workspace-symbol query every 100 ms and
//      a keystroke in an open draft every 500 ms), with their latencies, and
//      the CPU time the server spent (on a shared machine wall time also
//      counts other work; CPU time much less so);
//   2. peak RSS of the server process (VmHWM; the worker threads are inside it);
//   3. workspace-symbol query latency on the built index (p50, p95);
//   4. reopening with the saved index: spawn -> first workspace-symbol result,
//      and -> the end of the (checking-only) build.
//
// The last line printed is a JSON object of the figures.

import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SymbolInformation } from 'vscode-languageserver';
import { startServer, type TestClient } from '../test/protocol/lspClient';

const folder = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(__dirname, '..', '..', 'shared', 'corpora', 'bbc'));

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function peakRssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

/** CPU seconds (user + system) of one /proc stat line. */
function statCpuSeconds(stat: string): number {
  const fields = stat.split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds the server process has used, in all and on its main thread (the
 * rest is the index workers and V8's helper threads): figures less bent by
 * other load than wall time. A thread that has ended still counts in the total.
 */
function cpuSeconds(pid: number | undefined): { total: number; mainThread: number } {
  try {
    return {
      total: statCpuSeconds(readFileSync(`/proc/${pid}/stat`, 'utf8')),
      mainThread: statCpuSeconds(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')),
    };
  } catch {
    return { total: NaN, mainThread: NaN };
  }
}

function progressEnded(client: TestClient): boolean {
  return client.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end');
}

function lastProgressMessage(client: TestClient): string {
  const reports = client.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { message?: string } }).value.message);
  return reports.filter(Boolean).at(-1) ?? '';
}

async function start(storage: string): Promise<{ client: TestClient; spawned: number }> {
  const spawned = performance.now();
  const client = startServer('stdio');
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } },
    initializationOptions: { storagePath: storage },
  });
  void client.connection.sendNotification('initialized', {});
  return { client, spawned };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await run();
  return { ms: performance.now() - t, value };
}

/** A draft of about 500 words from the folder, to type in during the build. */
function typingDraft(): { uri: string; text: string } {
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.shift()!;
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) {
        pending.push(file);
        continue;
      }
      if (!name.endsWith('.txt')) continue;
      const text = readFileSync(file, 'utf8');
      const words = text.split(/\s+/).length;
      if (words > 400 && words < 700) return { uri: pathToFileURL(file).href, text };
    }
  }
  throw new Error(`no draft of 400-700 words in ${folder}`);
}

async function main(): Promise<void> {
  const storage = mkdtempSync(path.join(tmpdir(), 'copydesk-bench-storage-'));
  const figures: Record<string, unknown> = { folder, note: 'shared 2-core machine: figures are noisy' };
  try {
    // 1. The first build, with requests throughout.
    const { client } = await start(storage);
    const buildStart = performance.now();
    const draft = typingDraft();
    client.open(draft.uri, draft.text);
    const symbolLatencies: number[] = [];
    const keystrokeLatencies: number[] = [];
    const symbolLoop = (async () => {
      while (!progressEnded(client)) {
        symbolLatencies.push((await timed(() => client.request('workspace/symbol', { query: 'Blair' }))).ms);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const typingLoop = (async () => {
      await new Promise((r) => setTimeout(r, 2_000)); // after the draft's first analysis
      while (!progressEnded(client)) {
        const position = { line: 2, character: 0 };
        const sent = performance.now();
        const version = client.change(draft.uri, [{ range: { start: position, end: position }, text: 'x' }]);
        await client.waitForDiagnostics(draft.uri, version, () => true, 30_000);
        keystrokeLatencies.push(performance.now() - sent);
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    await client.waitFor('the index build to end', () => progressEnded(client), 30 * 60_000);
    const buildMs = performance.now() - buildStart;
    const buildCpu = cpuSeconds(client.process.pid);
    const drafts = Number(/of ([\d,]+) drafts/.exec(lastProgressMessage(client))?.[1].replace(/,/g, '') ?? NaN);
    await Promise.all([symbolLoop, typingLoop]);
    figures.build = {
      seconds: round(buildMs / 1000),
      serverCpuSeconds: round(buildCpu.total),
      mainThreadCpuSeconds: round(buildCpu.mainThread),
      cpuMsPerDraft: round((1000 * buildCpu.total) / drafts),
      progress: lastProgressMessage(client),
      symbolDuringBuildMs: {
        n: symbolLatencies.length,
        p50: round(percentile(symbolLatencies, 50)),
        p95: round(percentile(symbolLatencies, 95)),
        max: round(Math.max(...symbolLatencies)),
      },
      keystrokeDuringBuildMs: {
        n: keystrokeLatencies.length,
        p50: round(percentile(keystrokeLatencies, 50)),
        p95: round(percentile(keystrokeLatencies, 95)),
        max: round(Math.max(...keystrokeLatencies)),
      },
    };
    console.log(
      `index build: ${round(buildMs / 1000)} s wall, ${round(buildCpu.total)} s of server CPU (${round(buildCpu.mainThread)} s on the main thread, the rest in the index workers and V8's helpers), ${round((1000 * buildCpu.total) / drafts)} ms of CPU per draft (${lastProgressMessage(client)})`,
    );
    console.log(
      `  workspace/symbol during the build: n=${symbolLatencies.length} p50 ${round(percentile(symbolLatencies, 50))} ms, p95 ${round(percentile(symbolLatencies, 95))} ms, max ${round(Math.max(...symbolLatencies))} ms`,
    );
    console.log(
      `  keystroke -> diagnostics during the build: n=${keystrokeLatencies.length} p50 ${round(percentile(keystrokeLatencies, 50))} ms, p95 ${round(percentile(keystrokeLatencies, 95))} ms, max ${round(Math.max(...keystrokeLatencies))} ms`,
    );

    // 3. Query latency on the built index: queries from the names it holds.
    const names = new Set<string>();
    for (const letter of 'abcdefghijklmnoprstw') {
      for (const s of await client.request<SymbolInformation[]>('workspace/symbol', { query: letter })) names.add(s.name.split(' ').at(-1)!);
    }
    const queries = [...names].slice(0, 200);
    const queryLatencies: number[] = [];
    for (const query of queries) queryLatencies.push((await timed(() => client.request('workspace/symbol', { query }))).ms);
    figures.symbolQueryMs = { n: queryLatencies.length, p50: round(percentile(queryLatencies, 50)), p95: round(percentile(queryLatencies, 95)) };
    console.log(
      `workspace/symbol on the built index: n=${queryLatencies.length} p50 ${round(percentile(queryLatencies, 50))} ms, p95 ${round(percentile(queryLatencies, 95))} ms`,
    );

    // 2. Peak RSS of the server (main thread and workers).
    const rss = peakRssMb(client.process.pid);
    figures.peakRssMb = round(rss);
    console.log(`peak RSS of the server: ${round(rss)} MB`);
    client.close(draft.uri);
    await client.stop();

    // 4. Reopening with the saved index.
    const probe = queries[0] ?? 'Blair';
    const reopened = await start(storage);
    let firstResultMs = NaN;
    for (;;) {
      const found = await reopened.client.request<SymbolInformation[]>('workspace/symbol', { query: probe });
      if (found.length > 0) {
        firstResultMs = performance.now() - reopened.spawned;
        break;
      }
      if (performance.now() - reopened.spawned > 120_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await reopened.client.waitFor('the reopened build to end', () => progressEnded(reopened.client), 30 * 60_000);
    const reopenBuildMs = performance.now() - reopened.spawned;
    figures.reopen = {
      firstSymbolResultSeconds: round(firstResultMs / 1000, 2),
      checkedSeconds: round(reopenBuildMs / 1000, 1),
      progress: lastProgressMessage(reopened.client),
    };
    console.log(
      `reopening with the saved index: first workspace-symbol result ${round(firstResultMs / 1000, 2)} s after spawn; every draft checked against disk after ${round(reopenBuildMs / 1000, 1)} s (${lastProgressMessage(reopened.client)})`,
    );
    await reopened.client.stop();
  } finally {
    rmSync(storage, { recursive: true, force: true });
  }
  console.log(JSON.stringify(figures));
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
