import { main } from '../../src/cli/main';

function capture(out: (text: string) => void = () => undefined) {
  const err: string[] = [];
  return { io: { out, err: (t: string) => void err.push(t), isTTY: false }, err };
}

describe('main exit codes', () => {
  it('an unexpected failure exits 1 with a short message and no stack', async () => {
    const { io, err } = capture(() => {
      throw new Error('EPIPE: stdout closed');
    });
    expect(await main(['plan'], io)).toBe(1);
    expect(err.join('')).toBe('funnel-planner: internal error: EPIPE: stdout closed\n(run again with --debug for details, and please report it)\n');
  });

  it('--debug adds the stack', async () => {
    const { io, err } = capture(() => {
      throw new Error('boom');
    });
    expect(await main(['--debug', 'plan'], io)).toBe(1);
    expect(err.join('')).toMatch(/internal error: boom\nError: boom\n\s+at /);
  });
});
