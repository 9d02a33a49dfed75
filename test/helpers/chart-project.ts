/**
 * Test helper: a small report with the three chart types and captioned tables, written as a user
 * would (indicators in YAML, ```chart fences and 表：/图： lines in the sections).
 */
import { makeProject } from './project.js';

export const CHART_INDICATORS = `镇名: 云溪镇
规上工业产值: {value: 52.38, unit: 亿元, previous: 48.23}
固定资产投资: {value: 14.75, unit: 亿元, previous: 13.1}
社会消费品零售总额: {value: 8.64, unit: 亿元, previous: 8.85}
月度产值: {1月: 7.8, 2月: 6.9, 3月: 8.6, 4月: 9.1, 5月: 9.4, 6月: 10.58}
月度投资: {1月: 2.1, 2月: 1.9, 3月: 2.6, 4月: 2.4, 5月: 2.7, 6月: 3.05}
产业结构: {第一产业: 6.2, 第二产业: 52.38, 第三产业: 31.4}
`;

export const CHART_CONFIG = `title: 云溪镇2024年上半年经济运行情况
recipient: 县人民政府
signature: 云溪镇人民政府
date: 2024-07-05
indicators: indicators.yaml
sections: [sections/*.md]
output: { formats: [docx, pdf, txt] }
`;

/** Section 1: a bar chart comparing with last year, then a captioned table; references both ways. */
export const SECTION_BARS = `# 主要指标

上半年，{{镇名}}主要指标稳中有进，见[图](#指标)和[表](#明细)，增速见[](#增速表)。

\`\`\`chart
type: bar
title: 主要经济指标与上年同期比较
id: 指标
series: [规上工业产值, 固定资产投资, 社会消费品零售总额]
compare: previous
\`\`\`

表：主要经济指标明细 {#明细}

| 指标 | 单位 | 本期 |
| --- | --- | ---: |
| 规上工业产值 | 亿元 | 52.38 |
| 固定资产投资 | 亿元 | 14.75 |

全镇工业运行总体平稳，投资保持增长，消费略有回落，各项工作有序推进。
`;

/** Section 2: a second table, a line chart of monthly values and a pie chart. */
export const SECTION_TRENDS = `# 运行走势

表：主要指标增速 {#增速表}

| 指标 | 增速 |
| --- | ---: |
| 规上工业产值 | 8.6% |

各月产值逐月攀升，6月达到年内高点，如[图](#走势)所示。

\`\`\`chart
type: line
title: 各月规上工业产值和固定资产投资
id: 走势
series: {产值: 月度产值, 投资: 月度投资}
unit: 亿元
\`\`\`

三次产业结构见[图](#结构)，第二产业占比过半。

\`\`\`chart
type: pie
title: 三次产业增加值构成
id: 结构
series: [产业结构]
\`\`\`

下半年，全镇将继续抓好项目建设和企业服务，确保全年目标任务顺利完成。
`;

export function makeChartProject(sections: Record<string, string> = { 'sections/01-bars.md': SECTION_BARS, 'sections/02-trends.md': SECTION_TRENDS }, indicators = CHART_INDICATORS): string {
  return makeProject({ 'report.yaml': CHART_CONFIG, 'indicators.yaml': indicators, ...sections });
}
