/** The shape of an input problem (messages in core/i18n, formatting in fieldError.ts); kept apart so the catalogue can type its messages without an import cycle. */
export type ErrorCode =
  | 'notObject'
  | 'required'
  | 'notNumber'
  | 'notFinite'
  | 'negative'
  | 'notPositive'
  | 'rateRange'
  | 'shareRange'
  | 'sharesSum'
  | 'notString'
  | 'notArray'
  | 'emptyList'
  | 'tooFewStages'
  | 'duplicateStage'
  | 'stagesOutOfOrder'
  | 'duplicateSourceId'
  | 'unknownStage'
  | 'unknownRateStage'
  | 'reservedId'
  | 'tooLarge'
  | 'unknownSource'
  | 'notInteger'
  | 'tooManyDigits'
  | 'twoSigns'
  | 'ambiguousComma'
  | 'notBoolean'
  | 'unknownField'
  | 'misspelledField'
  | 'notMonth'
  | 'notDate'
  | 'seasonalityLength'
  | 'seasonalityZero'
  | 'seasonalityNeedsHistory'
  | 'growthRange'
  | 'duplicateChannelId'
  | 'channelSharesSum'
  | 'lagTooLong'
  | 'lagZero'
  | 'duplicateRoleId'
  | 'unknownRole'
  | 'roleCycle'
  | 'driverKind'
  | 'fieldNotUsed'
  | 'attritionRange'
  | 'rampRange'
  | 'rampLength'
  | 'wholeRange'
  | 'planStartRange'
  | 'channelAndSource'
  | 'duplicateEntry'
  | 'unknownKpi'
  | 'curvePoint'
  | 'curveOrder'
  | 'tooManyEntries'
  | 'poolKind'
  | 'kpiWeightsSum'
  | 'roleWeightsZero'
  | 'bucketSharesSum'
  | 'attainmentRange'
  | 'poolTooLarge'
  | 'rangePair'
  | 'rangeExcludesRate'
  | 'cvRange'
  | 'bandRange'
  | 'bandOrder';

export interface FieldError {
  /** Path of the field in the input, e.g. `sources[1].conversionRates.sql`; `(input)` for the whole input. */
  readonly path: string;
  readonly code: ErrorCode;
  /** The value found (undefined when missing). */
  readonly value: unknown;
  /** Extra facts the message needs: the sum of shares, the list of stages, a stage name… */
  readonly detail?: string;
  /** For tooLarge / tooManyDigits: the count that breaks, so each language can name it (detail holds the English). */
  readonly count?: { readonly stage: string; readonly value: string; readonly total: boolean };
}
