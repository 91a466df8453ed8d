/** Errors the CLI reports to the user: exit 2 for bad input, 1 for anything unexpected. */
import { FieldError, formatFieldError } from '../core/fieldError';
import type { Lang } from '../core/stages';
import { cliMessages } from './i18n/cliCatalogue';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

/** A problem with what the user gave us; printed without a stack, exit 2 (`--debug` adds the underlying error, if any). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
    /** What a library threw, shown with --debug: the clue when a file from another tool will not read. */
    readonly underlying?: unknown,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export function invalidPlanError(where: string, errors: readonly FieldError[], lang: Lang): InputError {
  return new InputError(cliMessages(lang).cli.invalidPlan(where, errors.length), errors.map((e) => formatFieldError(e, lang)));
}
