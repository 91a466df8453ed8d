/** Repeatable `KEY=VALUE` options (`--volume marketing=9000`, `--map lead="Created"`), collected into a record. */
import { InvalidArgumentError } from 'commander';

/** A commander argParser: adds one KEY=VALUE to the record, or explains the expected form with `example`. */
export function keyValueCollector(form: string, example: string) {
  return (value: string, previous: Record<string, string>): Record<string, string> => {
    const at = value.indexOf('=');
    const key = value.slice(0, Math.max(0, at)).trim();
    const val = value.slice(at + 1).trim();
    if (at <= 0 || key === '' || val === '') throw new InvalidArgumentError(`expected ${form} such as ${example}, got "${value}"`);
    return { ...previous, [key]: val };
  };
}
