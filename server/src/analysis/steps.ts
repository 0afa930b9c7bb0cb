// Work in steps: a long whole-draft pass written as a generator stops at each
// `yield`, so that the session can hand the event loop back between steps.

/** Work that stops between steps and returns its result at the end. */
export type Steps<T> = Generator<void, T>;

/** Runs stepped work in one piece, for a caller that does not need to pause. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
