import type { Writable } from 'node:stream';

/**
 * A one-line progress bar on a terminal; on anything else (a CI log, a pipe)
 * a plain line at each tenth, so logs stay readable.
 */
export function progressBar(stream: Writable & { isTTY?: boolean }, label: string) {
  const started = performance.now();
  let lastTenth = -1;
  let lastDraw = 0;
  return {
    update(done: number, total: number, detail: string): void {
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const now = performance.now();
      if (stream.isTTY) {
        if (now - lastDraw < 100 && fraction < 1) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round(fraction * width);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${detail}`,
        );
      } else {
        const tenth = Math.floor(fraction * 10);
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        stream.write(`${label} ${tenth * 10}% ${detail}\n`);
      }
    },
    finish(): number {
      if (stream.isTTY) stream.write('\n');
      return performance.now() - started;
    },
  };
}
