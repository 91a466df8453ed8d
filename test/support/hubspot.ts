/** Shared test fixtures: HubSpot's default export mapping, and a seeded random generator for generated exports. */
import type { HistoryMapping } from '../../src/core/history/historyTypes';

/** What recognizeColumns finds in a HubSpot contacts export, written out by hand. */
export const HUBSPOT_MAPPING: HistoryMapping = {
  stages: ['lead', 'mql', 'sql', 'opportunity', 'won'],
  stageColumns: {
    lead: 'Became a Lead Date',
    mql: 'Became a Marketing Qualified Lead Date',
    sql: 'Became a Sales Qualified Lead Date',
    opportunity: 'Became an Opportunity Date',
    won: 'Became a Customer Date',
  },
  sourceColumn: 'Original Source',
};

/** mulberry32: the same generated export on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
