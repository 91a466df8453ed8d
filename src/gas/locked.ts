/** Runs work holding the document lock, or answers "already running" when another run holds it. */
import type { GasContext } from './gasContext';

export function locked<T>(ctx: GasContext, busy: () => T, work: () => T): T {
  if (!ctx.lock.tryLock(500)) return busy();
  try {
    return work();
  } finally {
    ctx.lock.releaseLock();
  }
}
