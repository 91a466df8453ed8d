/** Sheet names Funnel Planner writes. Later layouts (History, Diagnostics) add theirs here. */
export const SHEET = {
  inputs: 'Inputs',
  funnel: 'Funnel',
  summary: 'Summary',
  monthly: 'Monthly',
  teams: 'Teams',
  headcount: 'Headcount',
  bonus: 'Bonus',
  diagnosis: 'Diagnosis',
  /** Where users paste a CRM export in Google Sheets. */
  history: 'History',
  historySummary: 'History summary',
} as const;
