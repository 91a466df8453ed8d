/**
 * The order roles are computed in: a manager's demand is the heads of its reports, so the
 * reports come first. A span or ratio that leads back to its own role (directly or through
 * others) has no order; it is refused, naming the circle.
 */
import type { RoleDriver } from './headcountTypes';

export type RoleOrder = { ok: true; order: string[] } | { ok: false; cycle: string[] };

const counted = (driver: RoleDriver): readonly string[] => (driver.kind === 'span' || driver.kind === 'ratio' ? driver.of : []);

/**
 * Roles in dependency order (depth first, in the order listed), or the first circle found as
 * the ids along it, the first repeated at the end. Ids a driver counts that are not listed are
 * ignored here (validation reports them).
 *
 * @example
 * roleOrder([{ id: 'mgr', driver: { kind: 'span', per: 8, of: ['sdr'] } }, { id: 'sdr', driver: { kind: 'fixed', fte: 3 } }]);
 * // → { ok: true, order: ['sdr', 'mgr'] }
 * roleOrder([{ id: 'a', driver: { kind: 'ratio', per: 5, of: ['b'] } }, { id: 'b', driver: { kind: 'span', per: 8, of: ['a'] } }]);
 * // → { ok: false, cycle: ['a', 'b', 'a'] }
 */
export function roleOrder(roles: readonly { readonly id: string; readonly driver: RoleDriver }[]): RoleOrder {
  const byId = new Map(roles.map((r) => [r.id, r]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    const seen = state.get(id);
    if (seen === 'done') return undefined;
    if (seen === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of counted(byId.get(id)!.driver)) {
      if (!byId.has(next)) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    order.push(id);
    return undefined;
  };
  for (const role of roles) {
    const cycle = visit(role.id);
    if (cycle) return { ok: false, cycle };
  }
  return { ok: true, order };
}
