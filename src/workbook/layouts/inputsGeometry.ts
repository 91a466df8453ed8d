/**
 * Where each input lives on the Inputs sheet. The layout writes these rows; the reader
 * finds them again by their labels, so a user who inserts a row does not break it.
 */
export interface InputsGeometry {
  readonly name: number;
  readonly revenueTarget: number;
  readonly currency: number;
  readonly handoffStage: number;
  readonly sourcesHeader: number;
  readonly sourceId: number;
  readonly sourceName: number;
  readonly kind: number;
  readonly share: number;
  readonly avgDealSize: number;
  readonly entryStage: number;
  readonly ratesHeader: number;
  /** Row of the first stage; stages follow one per row, the won stage last. */
  readonly firstStage: number;
  readonly stageCount: number;
  readonly sourceCount: number;
  /** Column of the first source; sources follow one per column. */
  readonly firstSourceCol: number;
  /** Column of the share total, after the last source. */
  readonly totalCol: number;
}

export const VALUE_COL = 2;

export function inputsGeometry(stageCount: number, sourceCount: number): InputsGeometry {
  return {
    name: 6,
    revenueTarget: 7,
    currency: 8,
    handoffStage: 9,
    sourcesHeader: 11,
    sourceId: 12,
    sourceName: 13,
    kind: 14,
    share: 15,
    avgDealSize: 16,
    entryStage: 17,
    ratesHeader: 19,
    firstStage: 20,
    stageCount,
    sourceCount,
    firstSourceCol: 2,
    totalCol: 2 + sourceCount,
  };
}

export function stageRow(g: InputsGeometry, index: number): number {
  return g.firstStage + index;
}

export function sourceCol(g: InputsGeometry, index: number): number {
  return g.firstSourceCol + index;
}
