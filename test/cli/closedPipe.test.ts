import { spawn } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'funnel-planner.js');

/** Runs the CLI into a pipe whose reader has already gone, as `| head -1` is by the time a long table is written. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('output piped into a reader that stops early (`| head`)', () => {
  it('plan --monthly ends quietly, without an EPIPE stack trace', async () => {
    const run = await runIntoClosedPipe(['plan', '--monthly']);
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(run.code).toBe(0);
  });

  it('--help ends quietly too', async () => {
    const run = await runIntoClosedPipe(['--help']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
