/**
 * The words for historyPolicy's warnings and errors, in each language (the catalogue's `policy`). They state what was
 * found; what to do about it differs by adapter (a plan field and flag in the CLI, a sheet in
 * Google Sheets), so each adapter adds its own hint (`hint` below says which one applies).
 */
import { fill, messages, type Messages } from '../i18n/catalogue';
import { stageLabel, type Lang } from '../stages';
import { NO_SOURCE } from './historyAccumulator';
import type { OwnRate, PolicyNote } from './historyPolicy';

function say(key: keyof Messages['policy'], lang: Lang, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(messages(lang).policy[key], params);
}

const shown = (own: OwnRate): string => (typeof own === 'string' ? own : String(own));

/** English keeps the stage ids the plan input uses (`lead → mql`); Chinese names the stages. */
const stageName = (stage: string, lang: Lang): string => (lang === 'en' ? stage : stageLabel(stage, lang));

/**
 * One warning or error of historyPolicy in words.
 *
 * @example
 * describePolicyNote({ code: 'allRecords', source: 'marketing', stage: 'opportunity' }, 'en')
 * // → 'marketing: no mature opportunity records yet, so its opportunity rate uses all records'
 */
export function describePolicyNote(note: PolicyNote, lang: Lang): string {
  switch (note.code) {
    case 'unmappedSources':
      return say('unmappedSources', lang, {
        list: note.crmSources.map((s) => (s === NO_SOURCE ? say('noSource', lang, { name: JSON.stringify(s) }) : JSON.stringify(s))).join(', '),
      });
    case 'unmeasured': {
      const params = { source: note.source, stage: stageName(note.stage, lang), next: stageName(note.next, lang), empty: stageName(note.emptyStage, lang), column: note.column };
      return note.kept === null ? say('unmeasuredError', lang, params) : say('unmeasuredKept', lang, { ...params, own: shown(note.kept) });
    }
    case 'ambiguous': {
      const params = { source: note.source, stage: stageName(note.stage, lang), next: stageName(note.next, lang), twice: stageName(note.ambiguousStage, lang), columns: note.columns.map((c) => JSON.stringify(c)).join(', ') };
      return note.kept === null ? say('ambiguousError', lang, params) : say('ambiguousKept', lang, { ...params, own: shown(note.kept) });
    }
    case 'noRate': {
      const found = note.sample === 0 ? say('noRecords', lang) : say('ofSample', lang, { converted: note.converted, sample: note.sample });
      const params = { source: note.source, stage: stageName(note.stage, lang), found };
      return note.kept === null ? say('noRateError', lang, params) : say('noRateKept', lang, { ...params, own: shown(note.kept) });
    }
    case 'allRecords':
      return say('allRecords', lang, { source: note.source, stage: stageName(note.stage, lang) });
  }
}

/**
 * The kind of fix an adapter should suggest after a note: where CRM sources are mapped, which
 * column holds a stage (`stageColumn`: CLI --map / history.stageColumns; Sheets: remove or rename a column), or none.
 *
 * @example
 * hint({ code: 'unmappedSources', crmSources: ['Trade show'] });        // → 'sourceMapping'
 * hint({ code: 'allRecords', source: 'marketing', stage: 'opportunity' }); // → undefined
 */
export function hint(note: PolicyNote): 'sourceMapping' | 'stageColumn' | undefined {
  if (note.code === 'ambiguous') return 'stageColumn';
  return note.code === 'unmappedSources' ? 'sourceMapping' : undefined;
}
