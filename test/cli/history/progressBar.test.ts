/** The progress bar: redrawn in place at most ten times a second, erased when done. */
import { ProgressBar } from '../../../src/cli/history/progressBar';

describe('ProgressBar', () => {
  it('draws percent of bytes, rows and rows per second, throttled to every 100 ms, and erases itself', () => {
    const written: string[] = [];
    let now = 1_000;
    const bar = new ProgressBar((t) => void written.push(t), 'crm.csv', () => now);
    now += 500;
    bar.update({ bytesRead: 25, totalBytes: 100, rows: 1_000 });
    now += 50;
    bar.update({ bytesRead: 30, totalBytes: 100, rows: 1_200 }); // too soon: not drawn
    now += 60;
    bar.update({ bytesRead: 50, totalBytes: 100, rows: 2_000 });
    bar.done();
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^\rcrm\.csv █{6}░{18}  25%  1,000 rows  \d[\d,]* rows\/s\x1b\[K$/);
    expect(written[1]).toContain(' 50%  2,000 rows');
    expect(written[2]).toBe('\r\x1b[2K');
  });

  it('erases nothing when it never drew', () => {
    const written: string[] = [];
    new ProgressBar((t) => void written.push(t), 'x').done();
    expect(written).toEqual([]);
  });
});
