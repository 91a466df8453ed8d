/**
 * The CRM export column names recognised without any mapping (HubSpot, Salesforce, Chinese CRMs
 * in simplified and traditional characters), in priority order.
 */

/**
 * Stage id → header names that hold the date a record reached it. Earlier names win when a
 * file has several (a HubSpot export has both "Became a Lead Date" and "Create Date"; the
 * lifecycle date is the one that means "became a lead"). Matching ignores case, spaces and
 * full-width forms (headerMatch.ts).
 */
export const KNOWN_STAGE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  lead: [
    'Became a Lead Date', // HubSpot export label
    'hs_lifecyclestage_lead_date', // HubSpot internal property name
    '线索创建时间',
    '線索創建時間',
    '線索建立時間',
    'Create Date', // Salesforce lead report
    'Created Date',
    '创建时间',
    '創建時間',
    '建立時間',
  ],
  mql: [
    'Became a Marketing Qualified Lead Date',
    'hs_lifecyclestage_marketingqualifiedlead_date',
    'MQL Date',
    '成为MQL时间',
    '成為MQL時間',
    'MQL时间',
    'MQL時間',
  ],
  bql: ['Became a BQL Date', 'BQL Date', '成为BQL时间', '成為BQL時間'],
  sql: [
    'Became a Sales Qualified Lead Date',
    'hs_lifecyclestage_salesqualifiedlead_date',
    'SQL Date',
    '成为SQL时间',
    '成為SQL時間',
    'SQL时间',
    'SQL時間',
  ],
  opportunity: [
    'Became an Opportunity Date',
    'hs_lifecyclestage_opportunity_date',
    'Converted Date', // Salesforce: the lead was converted to an opportunity
    '成为商机时间',
    '成為商機時間',
    '商机创建时间',
    '商機創建時間',
    '商機建立時間',
  ],
  won: [
    'Became a Customer Date',
    'hs_lifecyclestage_customer_date',
    'Closed Won Date',
    'Won Date',
    '成交时间',
    '成交時間',
    '赢单时间',
    '贏單時間',
    '成为客户时间',
    '成為客戶時間',
  ],
};

/** Header names of the record's source, first found wins ("Original Source Type" is deliberately absent: it is a coarser grouping). */
export const KNOWN_SOURCE_COLUMNS: readonly string[] = [
  'Original Source', // HubSpot
  'hs_analytics_source',
  'Lead Source', // Salesforce
  'Source',
  '线索来源',
  '線索來源',
  '来源',
  '來源',
  '渠道',
  '管道',
];

/** The known stage ids in the order a record reaches them (a plan may add its own ids anywhere). */
export const FUNNEL_ORDER: readonly string[] = ['lead', 'mql', 'bql', 'sql', 'opportunity', 'won'];

/**
 * Record-creation dates a lifecycle column rightly outranks: a HubSpot export has both
 * "Became a Lead Date" and "Create Date", and that is not two columns for one stage.
 */
export const GENERIC_STAGE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  lead: ['Create Date', 'Created Date', '创建时间', '創建時間', '建立時間'],
};
