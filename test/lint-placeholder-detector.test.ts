import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasReference, REFERENCE_REPORT, referenceSkipReason } from './helpers/shared.js';
import { findPlaceholders } from '../src/lint/placeholder-detector.js';
import { parseAnnotated } from './helpers/annotated-blanks.js';
import { lineColumn } from './helpers/line-column.js';

// Each case marks the expected blanks with ⟦…⟧; a case without marks must produce no finding.
const POSITIVES = [
  '规上工业总产值累计⟦XX⟧亿元',
  '全镇共有⟦xx⟧个行政村',
  '预计可实现税收⟦x⟧亿元',
  '会议定于⟦x⟧月⟦x⟧日召开',
  '会议定于⟦X⟧月⟦X⟧日召开',
  '完成投资⟦X.X⟧亿元',
  '同比增长⟦xx0.9⟧%',
  '⟦20xx⟧年全面完成改造',
  '预计于⟦202x⟧年投产',
  '⟦20**⟧年计划新建道路',
  '⟦**⟧镇人民政府',
  '由⟦××⟧同志负责',
  '联系人：⟦ＸＸ⟧，电话略',
  '⟦□□⟧村完成整治',
  '⟦○○⟧社区党群服务中心',
  '新增就业⟦【待补充】⟧人',
  '培训人次⟦【待核实】⟧',
  '⟦TODO⟧：补充下半年数据',
  '开工率⟦TBD⟧',
  '产值⟦{{规上工业产值.本期}}⟧亿元',
  '模板残留⟦{{⟧本期',
  '完成率⟦XX⟧%，位居全市前列',
  '实现营业收入⟦XXX⟧万元',
  '全年接待游客⟦XX⟧万余人次',
  '⟦XX⟧市文明村',
  '入选⟦XX⟧省级示范名单',
  '⟦XXXX⟧年⟦XX⟧月⟦XX⟧日',
  '投资⟦X⟧亿⟦X⟧千万元',
  '日期：2024-⟦XX⟧-⟦XX⟧',
  '面积⟦XX.XX⟧平方公里',
  '增幅⟦x.x⟧个百分点',
  '总量⟦XX,XXX⟧吨',
  '预计⟦2X.5⟧亿元',
  '共⟦**⟧个项目，完成⟦**⟧亿元',
  '⟦20**⟧年完成⟦**⟧个',
  '上报信息⟦***⟧条',
  '新增⟦____⟧户',
  '道路⟦XX⟧km',
  '线路长⟦XX⟧km',
  '⟦×⟧月⟦×⟧日前完成',
  '⟦×⟧镇⟦×⟧村',
  '⟦□⟧月⟦□⟧日',
  '第⟦□⟧季度',
  '负责人：⟦ＸＸＸ⟧',
  '增长⟦ｘｘ⟧%',
  '收入⟦（待定）⟧',
  '指标值⟦(待补充)⟧',
  '项目⟦[待确认]⟧名称',
  '投资额：⟦待补充⟧。',
  '⟦【】⟧万元',
  '增长⟦NaN⟧%',
  '完成⟦undefined⟧亿元',
  '产值⟦??⟧亿元',
  '⟦〇〇⟧村委会',
  '⟦ⅩⅩ⟧镇',
  '约 ⟦X⟧ 亿元',
  '“多彩⟦XX⟧·镜享天下”',
  '⟦XX⟧、⟦XX⟧两个村',
  '分别为⟦XX⟧,⟦XX⟧',
  '⟦xx⟧',
  '⟦XX⟧',
  '（⟦XX⟧）',
  '排名第⟦X⟧位',
  '累计⟦X⟧家企业',
  '⟦FIXME⟧ 数据口径',
  '**重点工作**：完成⟦XX⟧亿元',
  '**完成投资⟦XX⟧亿元**',
  '完成**⟦XX⟧**亿元',
  '⟦**⟧村和⟦**⟧社区',
  '总投资⟦XX⟧亿元（其中中央资金⟦XX⟧亿元）',
  '电话：0577-⟦XXXXXXXX⟧',
  '共⟦□⟧个项目',
  '⟦x⟧时⟦x⟧分',
  '负责人：⟦X⟧',
  '⟦X⟧先生',
  'and ⟦X⟧亿元',
  '⟦＊＊⟧镇',
];

const NEGATIVES = [
  '医院新购X光机一台',
  '开展X射线安全检查',
  '发放XXL码工作服',
  '电脑仍在使用Windows XP系统',
  '采购x86架构服务器',
  '新建3x4米宣传栏',
  '铺设5×5米草坪',
  'PM2.5平均浓度下降',
  '创成国家AAA级景区',
  '跻身全省TOP10',
  '引进XR-200型检测设备',
  '特邀专家Xu Xiaoxia授课',
  '要**坚决**落实安全生产责任',
  '**一是聚焦项目抓推进。**完成全年目标',
  '二○二三年六月',
  '二〇〇八年建成',
  '请勾选：□是 □否',
  '长×宽×高为2米',
  '4x100米接力赛',
  '分辨率1920x1080',
  'X-ray检测',
  '使用Xbox设备',
  '开展“X因子”活动',
  '建立X轴坐标',
  '规格为2×660MW机组',
  '增长2.5倍',
  '完成投资12.6亿元，同比增长8.2%',
  '位居第一',
  '为什么？？',
  '“三会一课”制度',
  '第一议题',
  '有待补充完善',
  '数据来源【统计局】',
  '【工作亮点】',
  '（一）聚力蓄能抓项目',
  'snake_case_name',
  'BMW X5车型',
  '邮箱xx@example.com',
  '第XXI届运动会',
  '观看《X战警》',
  'Super Bowl XX',
  'X Window System',
  '1,000万元',
  '10:30召开会议',
  '* 列表项目',
  '***',
  '2*3=6',
  '备注：*表示估算值',
  '投入18余万新建食堂',
  'null hypothesis',
  'iPhone X发布会',
  '□个人 □单位',
  '○ 项目推进',
  'X荧光分析仪',
  '华为Mate X5',
  '**全年完成投资38.6亿元，同比增长12.4%**。',
  '增长**12.4%**，高于全市',
];

describe('findPlaceholders', () => {
  it.each(POSITIVES)('finds the blanks in %s', (annotated) => {
    const { text, blanks } = parseAnnotated(annotated);
    expect(blanks.length).toBeGreaterThan(0);
    expect(findPlaceholders(text).map(({ start, end, text: t }) => ({ start, end, text: t }))).toEqual(blanks);
  });

  it.each(NEGATIVES)('finds nothing in the real words of %s', (text) => {
    expect(findPlaceholders(text)).toEqual([]);
  });

  it('has a large table (at least 80 cases)', () => {
    expect(POSITIVES.length + NEGATIVES.length).toBeGreaterThanOrEqual(80);
  });

  it.skipIf(!hasReference)(`finds all 32 XX of the reference report at their line and column${referenceSkipReason}`, () => {
    const text = readFileSync(REFERENCE_REPORT, 'utf8');
    const expected: Array<{ line: number; column: number }> = [];
    for (let at = text.indexOf('XX'); at >= 0; at = text.indexOf('XX', at + 2)) expected.push(lineColumn(text, at));
    expect(expected).toHaveLength(32);
    const lines = text.split('\n');
    const found = findPlaceholders(text).map((m) => ({ ...lineColumn(text, m.start), text: m.text }));
    expect(found.map(({ line, column }) => ({ line, column }))).toEqual(expected);
    expect(found.every((f) => f.text === 'XX')).toBe(true);
    expect(lines.length).toBeGreaterThan(10);
  });

  it('treats an unclosed ** as a blank but a closed pair as bold', () => {
    expect(findPlaceholders('**镇').map((m) => m.text)).toEqual(['**']);
    expect(findPlaceholders('**镇**')).toEqual([]);
    expect(findPlaceholders('**镇**', { markdownEmphasis: false }).map((m) => m.text)).toEqual(['**', '**']);
  });

  it('gives one finding per blank: matches that touch or overlap are one', () => {
    // an ellipsis point and the instruction after it (1:3 and 1:5 before), a pattern over an XX
    expect(findPlaceholders('一是……（在此填写）。二是……。').map(({ start, text }) => ({ start, text })))
      .toEqual([{ start: 2, text: '……（在此填写）' }, { start: 13, text: '……' }]);
    expect(findPlaceholders('完成XX亿元', { extraPatterns: ['X亿元'] }).map((m) => m.text)).toEqual(['XX亿元']);
  });

  it('adds configured patterns and drops allowed phrases', () => {
    expect(findPlaceholders('数据待核查', { extraPatterns: ['待核[实查]'] }).map((m) => m.text)).toEqual(['待核查']);
    expect(findPlaceholders('XX公司中标，XX镇', { allow: ['XX公司'] }).map((m) => m.start)).toEqual([7]);
    expect(findPlaceholders('abc XXX', { extraPatterns: ['/xxx/i'] }).map((m) => m.text)).toEqual(['XXX']);
  });

  it('reports UTF-16 offsets after characters outside the BMP', () => {
    const text = '𠮷村完成XX亿元';
    const [m] = findPlaceholders(text);
    expect(text.slice(m.start, m.end)).toBe('XX');
    expect(m.start).toBe(5);
  });
});
