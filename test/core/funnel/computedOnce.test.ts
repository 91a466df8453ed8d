/**
 * A plan's reverse funnel is computed once per funnel — each source, or each channel of a
 * source split into channels (the template's marketing source has three): validation needs it
 * for the overflow check, and every caller (plan(), the CLI's plan and forward commands,
 * Generate from the Inputs sheet, the sidebar's preview and generate) uses that result instead
 * of working the plan backwards again. The spy wraps the real reverseSource (the module
 * function every caller goes through) and only counts; the numbers checked are still the real ones.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as reverseFunnel from '../../../src/core/reverseFunnel';
import { main } from '../../../src/cli/main';
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { plan } from '../../../src/core/plan';
import { validatePlan } from '../../../src/core/validatePlan';
import { generateFromSidebarInput, generatePlanFromInputs, insertInputsSheet } from '../../../src/gas/generatePlan';
import { previewResponse } from '../../../src/gas/planResponse';
import { fakeContext } from '../../gas/fakes/gasFakes';

const original = reverseFunnel.reverseSource;
/** Which calls came from the diagnosis's sensitivity ranking: its what-ifs (a 10 % better rate) are other funnels than the plan's. */
const fromSensitivity: boolean[] = [];
const spy: jest.SpyInstance<ReturnType<typeof original>, Parameters<typeof original>> = jest.spyOn(reverseFunnel, 'reverseSource').mockImplementation((...args) => {
  // Indexed like spy.mock.calls (this call is in it already), so a mockClear() in a test keeps the two aligned.
  fromSensitivity[spy.mock.calls.length - 1] = /\bsensitivity\b/.test(new Error().stack ?? '');
  return original(...args);
});
afterAll(() => spy.mockRestore());

const input = defaultPlanInput();
/** Shares of the plan's target as the template writes them: a channel's is its source's × its own. */
const shareOf = (source: number, channel = 1) => Number((source * channel).toPrecision(12));
/**
 * What identifies a funnel in a reverseSource call: its share of the target and its entry stage
 * (all distinct in the template). A source split into channels is one funnel per channel.
 */
const funnelKeys = (sources: typeof input.sources) =>
  sources
    .flatMap((s) =>
      (s.channels ?? []).length === 0
        ? [`${shareOf(Number(s.share))}@${s.entryStage ?? 'lead'}`]
        : s.channels!.map((c) => `${shareOf(Number(s.share), Number(c.share))}@${s.entryStage ?? 'lead'}`),
    )
    .sort();
const sourceKeys = funnelKeys(input.sources);
const calledFor = () =>
  spy.mock.calls
    .filter((_call, i) => !fromSensitivity[i])
    .map(([, , source]) => `${Number(source.share.num) / Number(source.share.den)}@${source.entryStage}`)
    .sort();

function quietIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false }, out, err };
}

beforeEach(() => {
  spy.mockClear();
  fromSensitivity.length = 0;
});

describe('the reverse funnel is computed once per source (or channel) of a plan', () => {
  it('the default template has distinct funnels to tell apart: two sources, marketing in three channels', () => {
    expect(sourceKeys).toEqual(['0.08@lead', '0.12@lead', '0.2@lead', '0.6@sql']); // SEM 0.4 × 0.2, events 0.4 × 0.3, content 0.4 × 0.5, outbound
  });

  it('plan() on the default template: one reverseSource call per funnel, and the plan is its result', () => {
    const outcome = plan(input);
    if (!outcome.ok) throw new Error('the default template is valid');
    expect(calledFor()).toEqual(sourceKeys);
    // The counts the plan shows for each channel, or each source without channels, are exactly
    // what the one computation returned, in the plan's order.
    const returned = spy.mock.results.map((r) => (r.value as reverseFunnel.ReverseSourceCounts).counts.map(Number));
    const shown = outcome.funnel.sources.flatMap((s) => (s.channels.length === 0 ? [s.counts] : s.channels.map((c) => c.counts)));
    expect(shown.map((counts) => outcome.plan.stages.map((k) => counts[k]))).toEqual(returned);
  });

  it('validatePlan alone computes it once too, and hands the funnel back', () => {
    const checked = validatePlan(input);
    expect(checked.ok && checked.funnel.total.counts.won).toBeGreaterThan(0);
    expect(spy).toHaveBeenCalledTimes(sourceKeys.length);
  });

  it('an invalid plan stops there: nothing is computed for a source that failed', () => {
    const broken = { ...input, sources: input.sources.map((s, i) => (i === 0 ? { ...s, share: 'lots' } : s)) };
    expect(plan(broken).ok).toBe(false);
    // the others still get their overflow check
    expect(calledFor()).toEqual(funnelKeys(input.sources.slice(1)));
  });

  it('CLI: plan --json, and plan writing the workbook and the report', async () => {
    const { io, out } = quietIo();
    expect(await main(['plan', '--json'], io)).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual(expect.objectContaining({ revenueTarget: 10_000_000 }));
    expect(calledFor()).toEqual(sourceKeys);

    spy.mockClear();
    const dir = mkdtempSync(join(tmpdir(), 'once-'));
    expect(await main(['plan', '--out', join(dir, 'p.xlsx'), '--report', join(dir, 'p.html')], quietIo().io)).toBe(0);
    expect(calledFor()).toEqual(sourceKeys);
  });

  it('CLI: forward takes the planned volumes from the same funnel', async () => {
    const { io } = quietIo();
    expect(await main(['forward', '--volume', `${input.sources[0].id}=9000`], io)).toBe(0);
    expect(calledFor()).toEqual(sourceKeys);
  });

  it('Sheets: Generate plan from the Inputs sheet', () => {
    const { ctx } = fakeContext();
    expect(insertInputsSheet(ctx).ok).toBe(true);
    spy.mockClear();
    expect(generatePlanFromInputs(ctx).ok).toBe(true);
    expect(calledFor()).toEqual(sourceKeys);
  });

  it('sidebar: preview, and generate from the form', () => {
    expect(previewResponse(input, 'en').ok).toBe(true);
    expect(calledFor()).toEqual(sourceKeys);
    spy.mockClear();
    const { ctx } = fakeContext();
    expect(generateFromSidebarInput(ctx, input, null).ok).toBe(true);
    expect(calledFor()).toEqual(sourceKeys);
  });
});
