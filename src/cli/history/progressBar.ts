/** A one-line progress bar for reading a large export: percent of bytes, rows and rows per second, redrawn in place. */
import type { ReadProgress } from './readCsvRows';

const WIDTH = 24;
/** Redraws at most this often: a terminal cannot show more, and each write costs. */
const INTERVAL_MS = 100;
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  /** `write` goes to stderr, so the bar never mixes with what is printed on stdout. */
  constructor(
    private readonly write: (text: string) => void,
    private readonly label: string,
    private readonly now: () => number = Date.now,
  ) {}

  update(progress: ReadProgress): void {
    const t = this.now();
    if (t - this.lastDraw < INTERVAL_MS) return;
    this.lastDraw = t;
    this.draw(progress, t);
  }

  /** Erases the bar, so the line is free for what follows. */
  done(): void {
    if (this.drawn) this.write('\r\x1b[2K');
    this.drawn = false;
  }

  private draw({ bytesRead, totalBytes, rows }: ReadProgress, t: number): void {
    const fraction = totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 0;
    const filled = Math.round(fraction * WIDTH);
    const seconds = Math.max(0.001, (t - this.started) / 1000);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    const pct = `${Math.floor(fraction * 100)}%`.padStart(4);
    this.write(`\r${this.label} ${bar} ${pct}  ${COUNT.format(rows)} rows  ${COUNT.format(rows / seconds)} rows/s\x1b[K`);
    this.drawn = true;
  }
}
