/**
 * A source split into channels (design.md §8): content, events, SEM… each with its share of
 * the source's revenue, a cost per lead and, optionally, its own rates or deal size; what a
 * channel does not say it inherits from its source.
 */
import { FieldError, fieldError } from '../fieldError';
import { sharesAddUp } from '../input/sharesAddUp';
import { isBlank, readExact } from '../input/readExact';
import { isRecord } from '../isRecord';
import { checkKnownFields } from '../knownFields';
import type { Exact, ValidChannel } from '../planInput';

/** Fields of one entry of `sources[].channels`. */
export const CHANNEL_FIELDS: readonly string[] = ['id', 'name', 'share', 'costPerLead', 'avgDealSize', 'conversionRates'];


export interface ChannelParent {
  readonly path: string;
  readonly avgDealSize: Exact;
  readonly conversionRates: Readonly<Record<string, Exact>>;
  /** Stages from the source's entry stage down to the one above won: the rates a channel may override. */
  readonly converting: readonly string[];
  /** Ids that would collide with the output's own keys. */
  readonly reservedIds: readonly string[];
}

/**
 * Reads a source's channels; ids must be unique across the whole plan (`usedIds`), shares
 * must add up to 1. An absent or empty list is no channels.
 *
 * @example
 * const errors: FieldError[] = [];
 * readChannels([{ id: 'content', share: 0.5, costPerLead: 120 }, { id: 'events', share: 0.5, costPerLead: 250, conversionRates: { lead: 0.3 } }],
 *   { path: 'sources[0]', avgDealSize, conversionRates, converting: ['lead', 'mql', 'sql', 'opportunity'] }, new Set(), errors);
 * // → content inherits every rate; events takes lead→MQL 30 %, the rest from its source
 */
export function readChannels(raw: unknown, parent: ChannelParent, usedIds: Set<string>, errors: FieldError[]): ValidChannel[] | undefined {
  const path = `${parent.path}.channels`;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.push(fieldError(path, 'notArray', raw));
    return undefined;
  }
  const before = errors.length;
  const channels: ValidChannel[] = [];
  raw.forEach((entry, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(entry)) {
      errors.push(fieldError(at, 'notObject', entry));
      return;
    }
    checkKnownFields(entry, CHANNEL_FIELDS, at, errors);
    const rawId = entry.id;
    let id: string | undefined;
    if (isBlank(rawId)) errors.push(fieldError(`${at}.id`, 'required', undefined));
    else if (typeof rawId !== 'string') errors.push(fieldError(`${at}.id`, 'notString', rawId));
    else if (parent.reservedIds.includes(rawId.trim())) errors.push(fieldError(`${at}.id`, 'reservedId', rawId, parent.reservedIds.slice(0, 9).join(', ')));
    else if (usedIds.has(rawId.trim())) errors.push(fieldError(`${at}.id`, 'duplicateChannelId', rawId));
    else {
      id = rawId.trim();
      usedIds.add(id);
    }
    const name = typeof entry.name === 'string' && entry.name.trim() !== '' ? entry.name.trim() : undefined;
    if (entry.name !== undefined && entry.name !== null && typeof entry.name !== 'string') errors.push(fieldError(`${at}.name`, 'notString', entry.name));
    const share = readExact(entry.share, `${at}.share`, 'share', errors);
    const costPerLead = isBlank(entry.costPerLead) ? undefined : readExact(entry.costPerLead, `${at}.costPerLead`, 'nonNegative', errors);
    const avgDealSize = isBlank(entry.avgDealSize) ? parent.avgDealSize : readExact(entry.avgDealSize, `${at}.avgDealSize`, 'positive', errors);
    const rates: Record<string, Exact> = { ...parent.conversionRates };
    const ownRates: Record<string, Exact> = {};
    if (!isBlank(entry.conversionRates)) {
      if (!isRecord(entry.conversionRates)) errors.push(fieldError(`${at}.conversionRates`, 'notObject', entry.conversionRates));
      else
        for (const [stage, value] of Object.entries(entry.conversionRates)) {
          if (!parent.converting.includes(stage)) {
            errors.push(fieldError(`${at}.conversionRates.${stage}`, 'unknownRateStage', stage, parent.converting.join(', ')));
            continue;
          }
          const rate = readExact(value, `${at}.conversionRates.${stage}`, 'rate', errors);
          if (rate) rates[stage] = ownRates[stage] = rate;
        }
    }
    if (id && share && avgDealSize && (isBlank(entry.costPerLead) || costPerLead)) {
      const own = { ...(isBlank(entry.avgDealSize) ? {} : { avgDealSize }), conversionRates: ownRates };
      channels.push({ index: i, id, name: name ?? id, share, costPerLead, avgDealSize, conversionRates: rates, own });
    }
  });
  if (errors.length > before) return undefined;
  if (channels.length > 0) {
    const { sum, ok } = sharesAddUp(channels.map((c) => c.share.exact));
    if (!ok) {
      errors.push(fieldError(path, 'channelSharesSum', raw.map((c) => (isRecord(c) ? c.share : undefined)), String(Number((Number(sum.num) / Number(sum.den)).toPrecision(12)))));
      return undefined;
    }
  }
  return channels;
}
