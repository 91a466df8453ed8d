/**
 * The plan's roles (`headcount.roles`, design.md §9) and the month hiring can start
 * (`headcount.planStart`): for each role, the people in it now, what one fully ramped person does
 * a month (roles driven by work only), the monthly cost, the hiring lead time, the attrition and
 * the ramp — the inputs a hiring plan turns on. A role's driver and name and the vertical
 * structure are not edited here and go back as they came.
 *
 * The ramp is one line, "25%, 50%, 75%" (the start month first, 100% after the list): blank is
 * the default role's ramp (productive at once for a role of the plan's own), "none" (in any of
 * the page's languages) the empty ramp, productive at once; it goes to core as a list of the typed
 * entries (formValue.ts rampList), so core names a bad one by `….ramp[k]`, shown at the field. The
 * plan start is text ("YYYY-MM") as typed, blank for core's 3 months before the fiscal year.
 *
 * A plan that lists no roles gets the default roles (core/headcount/defaultRoles.ts): they are
 * shown with the defaults' values and stay unlisted until one is edited. Then the plan lists
 * every default role by id — core fills a listed default id with the default's values, and a
 * listed `roles` replaces the default list, so listing them all keeps the plan the same — with
 * only the fields typed into under the edited ones. A typed plan start alone lists no roles.
 * While nothing is edited the section goes back as it came, byte for byte.
 */
import { defaultRoles } from '../../core/headcount/defaultRoles';
import type { ValidRole } from '../../core/headcount/headcountTypes';
import { isRecord } from '../../core/isRecord';
import type { PlanInput } from '../../core/planInput';
import { DEFAULT_HANDOFF_STAGE, DEFAULT_STAGES } from '../../core/stages';
import { el } from './dom';
import type { FieldErrors } from './fieldErrors';
import { TextField, sent, textField } from './formFields';
import { fieldValue, put, rampList } from './formValue';
import { amountText, percentText, plainText, rampText } from './numberText';
import type { SidebarText } from './sidebarText';

/** The fields edited here, in the order shown. */
const KEYS = ['current', 'capacityPerMonth', 'monthlyCost', 'hireLeadMonths', 'attritionPerYear', 'ramp'] as const;
type Key = (typeof KEYS)[number];

const WORK_KINDS = ['stage', 'accounts'];
const DRIVER_KINDS = ['stage', 'accounts', 'span', 'ratio', 'fixed'];

interface Row {
  /** The plan's entry; undefined for a default role the plan does not list. */
  readonly original: unknown;
  readonly id: string;
  readonly element: HTMLDetailsElement;
  readonly fields: ReadonlyMap<Key, TextField>;
}

/** The default roles of this plan's funnel, as core gives them to a plan that lists none. */
function defaultsOf(input: PlanInput): ValidRole[] {
  const stages = Array.isArray(input.stages) ? input.stages.filter((s): s is string => typeof s === 'string').map((s) => s.trim()) : [...DEFAULT_STAGES];
  const handoff = typeof input.handoffStage === 'string' && input.handoffStage.trim() !== '' ? input.handoffStage.trim() : stages.includes(DEFAULT_HANDOFF_STAGE) ? DEFAULT_HANDOFF_STAGE : undefined;
  const sources = Array.isArray(input.sources) ? input.sources : [];
  const sourceIds = sources.map((s) => (isRecord(s) && typeof s.id === 'string' ? s.id.trim() : '')).filter((id) => id !== '');
  return defaultRoles({ stages, handoffStage: handoff, sourceIds });
}

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The driver kind a role's entry names (its one key of a kind), else its default's. */
function driverKind(entry: Record<string, unknown>, base: ValidRole | undefined): string | undefined {
  const driver = entry.driver;
  if (isRecord(driver)) {
    const kinds = DRIVER_KINDS.filter((k) => Object.prototype.hasOwnProperty.call(driver, k));
    return kinds.length === 1 ? kinds[0] : undefined;
  }
  return blank(driver) ? base?.driver.kind : undefined;
}

function text(key: Key, value: unknown, none: string): string {
  if (key === 'ramp') return rampText(value, none);
  return key === 'attritionPerYear' ? percentText(value) : amountText(value);
}

export class RoleFields {
  readonly element: HTMLElement;
  private readonly section: Record<string, unknown> | undefined;
  /** True when the plan lists its roles; false when the form shows the default roles. */
  private readonly listed: boolean;
  private readonly rows: Row[];
  /** Undefined when `headcount` is neither absent nor an object: the validator names it, nothing here edits it. */
  private readonly planStart: TextField | undefined;

  /** `area`: where the section's messages without a field here go (a driver, the vertical structure). */
  constructor(private readonly input: PlanInput, private readonly text: SidebarText, errors: FieldErrors, area: HTMLElement) {
    const original = input.headcount;
    this.section = isRecord(original) ? original : undefined;
    const roles = this.section?.roles;
    this.listed = Array.isArray(roles);
    const defaults = defaultsOf(input);
    const byId = new Map(defaults.map((r) => [r.id, r]));
    // A `roles` that is neither a list nor absent is the validator's to name; there is nothing to edit.
    const entries: { original: unknown; id: string }[] = Array.isArray(roles)
      ? roles.map((entry) => ({ original: entry, id: isRecord(entry) ? plainText(entry.id).trim() : '' }))
      : (roles === undefined || roles === null) && (original === undefined || original === null || this.section)
        ? defaults.map((r) => ({ original: undefined, id: r.id }))
        : [];
    this.rows = entries.map((entry, i) => this.row(entry.original, entry.id, byId.get(entry.id), i, errors));
    const editable = original === undefined || original === null || this.section !== undefined;
    this.planStart = editable ? textField(text.planStart, 'headcount.planStart', plainText(this.section?.planStart), errors) : undefined;
    if (this.planStart) this.planStart.input.placeholder = 'YYYY-MM';
    this.element = el('section', { className: 'section team' }, [
      el('h2', { text: text.teamSection }),
      el('p', { className: 'hint', text: text.teamHint }),
      area,
      ...(this.planStart ? [this.planStart.row, el('p', { className: 'hint', text: text.planStartHint })] : []),
      ...this.rows.map((r) => r.element),
    ]);
  }

  /** The plan's `headcount`: its own while no field was edited; else its section with the plan start and the roles as edited. */
  collect(): unknown {
    const edited = (r: Row) => [...r.fields.values()].some((f) => f.input.value !== f.shown);
    const rolesEdited = this.rows.some(edited);
    const startEdited = this.planStart !== undefined && this.planStart.input.value !== this.planStart.shown;
    if (!rolesEdited && !startEdited) return this.input.headcount;
    const section: Record<string, unknown> = { ...(this.section ?? {}) };
    if (this.planStart) put(section, 'planStart', sent(this.planStart, this.section?.planStart, true));
    if (!rolesEdited) return section;
    section.roles = this.rows.map((r) => {
      if (!edited(r)) return this.listed ? r.original : { id: r.id };
      const before = isRecord(r.original) ? r.original : {};
      const role: Record<string, unknown> = isRecord(r.original) ? { ...r.original } : { id: r.id };
      for (const [key, field] of r.fields) {
        const typed = field.input.value;
        put(role, key, key === 'ramp' && typed !== field.shown ? rampList(typed, this.text.rampNoneWords) : fieldValue(before[key], field.shown, typed, true));
      }
      return role;
    });
    return section;
  }

  /** Opens every role whose fields show a message, so the fixing can start there. */
  openInvalid(): void {
    for (const r of this.rows) if (r.element.querySelector('[aria-invalid="true"]')) r.element.open = true;
  }

  private row(original: unknown, id: string, base: ValidRole | undefined, index: number, errors: FieldErrors): Row {
    const t = this.text;
    const entry = isRecord(original) ? original : {};
    const path = `headcount.roles[${index}]`;
    const kind = driverKind(entry, base);
    const names: Readonly<Record<string, { name: string }>> = t.roleNames;
    const name = plainText(entry.name).trim() || (Object.prototype.hasOwnProperty.call(names, id) ? names[id].name : '') || id || path;
    const labels: Record<Key, string> = {
      current: t.roleCurrent,
      hireLeadMonths: t.roleLeadMonths,
      capacityPerMonth: t.roleCapacity,
      attritionPerYear: t.roleAttrition,
      monthlyCost: t.roleMonthlyCost,
      ramp: t.roleRamp,
    };
    const fields = new Map<Key, TextField>();
    for (const key of KEYS) {
      // Capacity only where the demand is work ÷ capacity; span, ratio and fixed roles refuse one.
      if (key === 'capacityPerMonth' && !(kind !== undefined && WORK_KINDS.includes(kind)) && blank(entry[key])) continue;
      // What the plan says, else what core fills in: the default's value (its capacity only for a driver of its kind).
      const own = entry[key];
      // A role of the plan's own without a ramp is productive at once (core's default for it).
      const fallback = key === 'capacityPerMonth' && base && base.driver.kind !== kind ? undefined : key === 'ramp' ? base?.ramp ?? [] : base?.[key];
      const shown = text(key, blank(own) ? fallback : own, t.rampNone);
      // The ramp is a list: it takes the row's whole width, its hint under it.
      fields.set(key, textField(labels[key], `${path}.${key}`, shown, errors, key === 'ramp' ? 'field ramp' : 'field'));
    }
    const element = el('details', { className: 'role', attrs: { 'data-role': id } }, [
      el('summary', { text: name }),
      el('div', { className: 'role-fields' }, [...[...fields.values()].map((field) => field.row), el('p', { className: 'hint', text: t.roleRampHint })]),
    ]);
    return { original, id, element, fields };
  }
}
