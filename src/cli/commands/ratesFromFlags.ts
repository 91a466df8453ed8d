/**
 * The flags that say how a `--rates-from` export is read (`--unmapped-source`, `--map`,
 * `--source-column`, `--date-order`, `--all-records`), declared once for every command that
 * takes an export, so that `plan`, `diagnose` and `simulate` read the same export the same way.
 * `--rates-from` itself stays with each command: its help says what that command does with it.
 */
import { Command, Option } from 'commander';
import { cliText } from '../cliLang';
import type { RatesFromFlags } from '../ratesFromHistory';
import { keyValueCollector } from './keyValueOption';

/** The options as commander parses them (`map` defaults to {}). */
export interface RatesFromOptions {
  unmappedSource?: string;
  allRecords?: boolean;
  map?: Record<string, string>;
  sourceColumn?: string;
  dateOrder?: 'dmy' | 'mdy';
}

/** Adds the export-reading flags to `command` (with the run's --lang help texts) and returns it. */
export function ratesFromOptions(command: Command): Command {
  const h = cliText().help; // the run's --lang: main sets it before building the commands
  return command
    .option('--unmapped-source <id>', h.unmappedSource)
    .option('--all-records', h.allRecords)
    .option('--map <stage=Column>', h.planMap, keyValueCollector('stage=Column', 'lead="Created"'), {})
    .option('--source-column <column>', h.planSourceColumn)
    .addOption(new Option('--date-order <order>', h.planDateOrder).choices(['dmy', 'mdy']));
}

/** The parsed options as ratesFromHistory / readGroupedExport take them; flags not given are left out. */
export function ratesFromFlags(options: RatesFromOptions): RatesFromFlags {
  return {
    ...(options.unmappedSource !== undefined ? { unmappedSource: options.unmappedSource } : {}),
    ...(options.allRecords ? { allRecords: true } : {}),
    ...(options.map && Object.keys(options.map).length > 0 ? { map: options.map } : {}),
    ...(options.sourceColumn !== undefined ? { sourceColumn: options.sourceColumn } : {}),
    ...(options.dateOrder !== undefined ? { dateOrder: options.dateOrder } : {}),
  };
}
