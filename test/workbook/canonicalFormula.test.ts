import { canonicalFormula } from '../../src/workbook/canonicalFormula';

describe('canonicalFormula', () => {
  it('drops the spaces, case and number spellings a spreadsheet may re-render', () => {
    expect(canonicalFormula('=sum(a1, b1) * 0.50')).toBe('SUM(A1,B1)*0.5');
    expect(canonicalFormula('MIN(0.000000000001*ABS(A1),0.000001)')).toBe(canonicalFormula('MIN(1E-12*ABS(A1),1E-06)'));
    expect(canonicalFormula('Inputs!$B$17+LOG10(B2)')).toBe('INPUTS!$B$17+LOG10(B2)');
  });

  it('reads the notation of decimal-comma locales as the English one it stands for', () => {
    expect(canonicalFormula('=ROUND(A1 ; 0,5)')).toBe('ROUND(A1,0.5)');
    expect(canonicalFormula('=IF(A1>0;"a,b";{1\\2;3,5\\4})')).toBe(canonicalFormula('=IF(A1>0,"a,b",{1,2;3.5,4})'));
    expect(canonicalFormula('MIN(0,000000000001*ABS(A1);0,000001)')).toBe(canonicalFormula('MIN(0.000000000001*ABS(A1),0.000001)'));
    // English notation is never rewritten: a "," there is always a separator.
    expect(canonicalFormula('ROUND(A1,2)')).toBe('ROUND(A1,2)');
    expect(canonicalFormula('{1,2;3,4}')).not.toBe(canonicalFormula('{1.2,3.4}'));
  });

  it('keeps what changes the result: string literals, array rows, references', () => {
    expect(canonicalFormula('SUMIF(A:A,"Leads",B:B)')).not.toBe(canonicalFormula('SUMIF(A:A,"leads",B:B)'));
    expect(canonicalFormula('"a  b"&" "')).toBe('"a  b"&" "');
    expect(canonicalFormula('"say ""hi"" "&A1')).toBe('"say ""hi"" "&A1');
    expect(canonicalFormula('{1,2;3,4}')).toBe('{1,2;3,4}');
    expect(canonicalFormula('A1*2')).not.toBe(canonicalFormula('A2*2'));
    expect(canonicalFormula("'History summary'!B2")).toBe("'HISTORY SUMMARY'!B2");
  });
});
