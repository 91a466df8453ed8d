/** One look for every terminal table: a box around, a rule under the header, no rules between rows. */
export const COMPACT_TABLE = {
  chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  style: { head: [] as string[], border: [] as string[] },
};
