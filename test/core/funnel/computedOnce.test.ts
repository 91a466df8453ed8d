/**
 * A plan's reverse funnel is computed once per source: validation needs it for the overflow
 * check, and every caller (plan(), the CLI's plan and forward commands, Generate from the
 * Inputs sheet, the sidebar's preview and generate) uses that result instead of working the
 * plan backwards again. The spy wraps the real reverseSource (the module function every
 * caller goes through) and only counts; the numbers checked are still the real ones.
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

const spy = jest.spyOn(reverseFunnel, 'reverseSource');
afterAll(() => spy.mockRestore());

const input = defaultPlanInput();
/** What identifies a source in a reverseSource call: its share and entry stage (all distinct in the template). */
const sourceKeys = input.sources.map((s) => `${s.share}@${s.entryStage ?? 'lead'}`).sort();
const calledFor = () =>
  spy.mock.calls.map(([, , source]) => `${Number(source.share.num) / Number(source.share.den)}@${source.entryStage}`).sort();

function quietIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false }, out, err };
}

beforeEach(() => spy.mockClear());

describe('the reverse funnel is computed once per source of a plan', () => {
  it('the default template has distinct sources to tell apart', () => {
    expect(input.sources.length).toBeGreaterThan(1);
    expect(new Set(sourceKeys).size).toBe(input.sources.length);
  });

  it('plan() on the default template: one reverseSource call per source, and the funnel is its result', () => {
    const outcome = plan(input);
    if (!outcome.ok) throw new Error('the default template is valid');
    expect(calledFor()).toEqual(sourceKeys);
    // The counts the plan shows are exactly what the one computation returned.
    const returned = spy.mock.results.map((r) => (r.value as reverseFunnel.ReverseSourceCounts).counts.map(Number));
    expect(outcome.funnel.sources.map((s) => outcome.plan.stages.map((k) => s.counts[k]))).toEqual(returned);
  });

  it('validatePlan alone computes it once too, and hands the funnel back', () => {
    const checked = validatePlan(input);
    expect(checked.ok && checked.funnel.total.counts.won).toBeGreaterThan(0);
    expect(spy).toHaveBeenCalledTimes(input.sources.length);
  });

  it('an invalid plan stops there: nothing is computed for a source that failed', () => {
    const broken = { ...input, sources: input.sources.map((s, i) => (i === 0 ? { ...s, share: 'lots' } : s)) };
    expect(plan(broken).ok).toBe(false);
    expect(spy).toHaveBeenCalledTimes(input.sources.length - 1); // the others still get their overflow check
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
