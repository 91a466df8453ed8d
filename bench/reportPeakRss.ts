/** Preloaded into a benchmarked child (`node -r`): writes its peak RSS, in bytes, to $BENCH_RSS_FILE as it exits. */
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    // maxRSS is in kilobytes; it covers native memory too (DuckDB's buffers, V8's heap).
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
