// A progress bar on standard error, only when a person is watching: stderr is
// a terminal and the run covers more than a few files. Piped or redirected
// output (a pipeline, a log file) never sees it.
export const progressThreshold = 5;

export interface Progress {
  update(done: number): void;
  finish(): void;
}

const silent: Progress = { update() {}, finish() {} };

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= progressThreshold) return silent;
  const width = 30;
  let last = 0;
  const draw = (done: number) => {
    const filled = Math.round((done / total) * width);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} drafts`);
  };
  return {
    update(done) {
      const now = Date.now();
      // At most ten redraws a second: a terminal is slower than the workers.
      if (done < total && now - last < 100) return;
      last = now;
      draw(done);
    },
    finish() {
      stream.write('\r\x1b[2K');
    },
  };
}
