/** The report's inline CSS: light on screen, plain on paper, fonts that cover Chinese on every desktop. */
const FONTS = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(', ');

export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #f4f6f9; color: #1a202c; font-family: ${FONTS}; font-size: 15px; line-height: 1.5; }
main { max-width: 900px; margin: 0 auto; padding: 32px 28px 40px; background: #fff; }
header { border-bottom: 3px solid #2b6cb0; padding-bottom: 12px; margin-bottom: 8px; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 6px; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 30px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #e2e8f0; }
.generated { margin: 0; color: #4a5568; font-size: 13px; }
.cards { display: grid; gap: 10px; }
.key-cards { grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); }
.stage-cards { grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); }
.card { border: 1px solid #e2e8f0; border-radius: 8px; padding: 10px 14px; }
.card .value { font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.card .label { color: #4a5568; font-size: 13px; }
.card .sub { display: block; color: #718096; font-size: 12px; }
.card.key { border-color: #90cdf4; }
.card.key .value { font-size: 26px; color: #1a365d; }
.headline { margin: 14px 0; padding: 12px 16px; border: 1px solid #90cdf4; border-left: 5px solid #2b6cb0; border-radius: 6px; background: #ebf8ff; }
.headline p { margin: 0; }
.headline-text { font-size: 20px; font-weight: 700; color: #1a365d; }
.headline-sources { margin-top: 2px; color: #4a5568; font-size: 13px; overflow-wrap: anywhere; }
.headline.none { color: #4a5568; background: #f7fafc; border-color: #e2e8f0; }
.chart { margin: 0; }
.funnel-chart { display: block; width: 100%; max-width: 860px; height: auto; }
.monthly-chart { display: block; width: 100%; max-width: 860px; height: auto; }
.month-total { font-size: 11px; font-weight: 600; fill: #1a202c; }
.month-label { font-size: 11px; fill: #2d3748; }
.month-year { font-size: 11px; fill: #718096; }
.band-label { font-size: 10px; fill: #4a5568; }
.legends { display: flex; flex-wrap: wrap; gap: 0 18px; }
.team-cards { grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); }
.team-name { font-size: 16px; font-weight: 700; margin-bottom: 4px; }
.team-table th, .team-table td { padding: 4px 6px; }
.team-table .sub, .channel-table .sub { display: block; color: #718096; font-size: 11px; font-weight: 400; }
.team-table td.num { white-space: normal; }
.channel-table td:nth-child(2), .channel-table th:nth-child(2) { text-align: left; }
.hiring-chart { display: block; width: 100%; max-width: 860px; height: auto; }
.role-label { font-size: 12px; fill: #2d3748; }
.role-heads { font-size: 12px; font-weight: 700; fill: #1a202c; font-variant-numeric: tabular-nums; }
.hire-count { font-size: 10px; font-weight: 700; fill: #fff; }
.hiring-summary { font-size: 17px; font-weight: 700; color: #1a365d; overflow-wrap: anywhere; }
.hiring-summary.long { font-size: 14px; font-weight: 600; }
.hiring .chart { margin-top: 12px; }
.hiring-table th:nth-child(5), .hiring-table td:nth-child(5), .hiring-table th:nth-child(6), .hiring-table td:nth-child(6) { text-align: left; }
.hiring-table .sub { display: block; color: #718096; font-size: 11px; }
.hiring-table td.gap { color: #9b2c2c; }
.targets { margin: 0; padding-left: 20px; }
.structure-table { max-width: 640px; }
.trade-off { margin: 10px 0 0; }
.bonus h3 { font-size: 15px; margin: 20px 0 6px; }
.pool-line { margin: 0 0 10px; }
.bonus-scenarios .sub { display: block; color: #718096; font-size: 11px; font-weight: 400; }
.bonus-scenarios tr.worst th, .bonus-scenarios tr.worst td { border-top: 2px solid #a0aec0; }
.bonus-grid { width: auto; }
.bonus-grid caption { text-align: left; font-weight: 600; margin-bottom: 6px; }
.bonus-grid th.corner { max-width: 13em; font-size: 11px; font-weight: 400; color: #4a5568; }
.bonus .chart { margin-top: 16px; }
.bonus-grid td.heat { text-align: center; min-width: 6.5em; border: 1px solid #fff; }
.bonus-explain, .bonus-findings { margin: 0; padding-left: 20px; }
.bonus-findings li { color: #9b2c2c; }
.bonus-findings.none li { color: inherit; }
.confidence-chart { display: block; width: 100%; max-width: 860px; height: auto; }
.confidence .chart { margin-top: 16px; }
.confidence-cards { grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); margin-top: 10px; }
.confidence-cards .card { padding: 8px 12px; }
.confidence-cards .card .value { font-size: 16px; white-space: nowrap; overflow-wrap: normal; }
.p-hit, .bonus-cost, .for-confidence { margin: 10px 0 6px; }
.confidence-table td:nth-child(2) { text-align: left; }
.chart figcaption { color: #4a5568; font-size: 13px; margin-top: 6px; }
.stage-label { font-size: 14px; fill: #2d3748; }
.stage-total { font-size: 15px; font-weight: 700; fill: #1a202c; }
.segment-count { font-size: 12px; font-weight: 600; fill: #fff; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 10px 0 0; padding: 0; font-size: 13px; }
.legend li { display: flex; align-items: center; gap: 6px; overflow-wrap: anywhere; }
.swatch { flex: none; }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { padding: 6px 8px; border-bottom: 1px solid #e2e8f0; text-align: right; vertical-align: middle; }
th:first-child, td:first-child { text-align: left; }
thead th { border-bottom: 2px solid #a0aec0; font-weight: 600; color: #2d3748; vertical-align: bottom; overflow-wrap: break-word; }
tbody th { font-weight: 600; overflow-wrap: break-word; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
td.muted { color: #a0aec0; }
.sources-table td:nth-child(2) { text-align: left; }
.source-name { display: inline-flex; align-items: center; gap: 6px; min-width: 8em; }
.bar-cell { display: inline-flex; flex-direction: column; align-items: flex-end; gap: 3px; }
.mini-bar { flex: none; }
tfoot th, tfoot td, .money-rows tr:first-child th, .money-rows tr:first-child td { border-top: 2px solid #a0aec0; }
tfoot td, tfoot th { font-weight: 700; }
.money-rows th { font-weight: 400; color: #4a5568; }
.funnel-table.many { font-size: 12px; }
.funnel-table.many th, .funnel-table.many td { padding: 5px 4px; }
.funnel-table.many td.num { white-space: normal; }
.note { color: #718096; font-size: 12px; margin: 8px 0 0; }
@media print {
  @page { size: A4; margin: 14mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  header { border-bottom-color: #000; }
  .headline, .headline.none { background: #fff; }
  .chart, .card, .key-cards, .stage-cards, .headline, tr { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .table-wrap { overflow: visible; }
  thead { display: table-header-group; }
}
`;
