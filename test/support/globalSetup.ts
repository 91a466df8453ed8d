/**
 * Once per Jest run, before any worker starts: find the browser the browser tests will use,
 * so parallel workers never race to unpack the packaged Chromium, and tell them through the
 * environment (workers inherit it).
 */
import { packagedChromium, systemChromium } from './chromium';

export default async function globalSetup(): Promise<void> {
  if (process.env.FP_CHROMIUM_RESOLVED) return;
  const binary = systemChromium() ?? (await packagedChromium());
  process.env.FP_CHROMIUM_RESOLVED = JSON.stringify(binary);
}
