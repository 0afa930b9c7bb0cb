// Waiting for a condition with a deadline, for every test that talks to a
// process: nothing in the tests sleeps a fixed time.

/** Polls `probe` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export async function waitUntil<T>(
  what: string,
  probe: () => T | undefined | false | PromiseLike<T | undefined | false>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Waits until the editor has saved a file: its text differs from `before` and
 * two reads in a row agree. An editor truncates a file before writing it, so a
 * single read can catch it empty or half written.
 */
export async function waitUntilSaved(what: string, read: () => string, before: string, timeoutMs: number): Promise<string> {
  let previous: string | undefined;
  return waitUntil(
    what,
    () => {
      const text = read();
      const settled = text !== before && text === previous;
      previous = text;
      return settled ? text : undefined;
    },
    timeoutMs,
    150,
  );
}
