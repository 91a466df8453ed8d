/** What CLI plan tests share: the seed's plan (40 % marketing, 60 % outbound at SQL) and files in a temp folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const seedPlan = {
  revenueTarget: 10_000_000,
  sources: [
    { id: 'marketing', kind: 'marketing', share: 0.4, avgDealSize: 25_000, conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 } },
    { id: 'outbound', share: 0.6, avgDealSize: 30_000, entryStage: 'sql', conversionRates: { sql: 0.4, opportunity: 0.3 } },
  ],
};

/** A temp folder and a writer of files into it. */
export function tempFiles(prefix: string): { dir: string; file: (name: string, content: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}
