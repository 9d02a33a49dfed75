// A realistic 公文-style data report as a document model, for the PDF tests and `npm run bench`.
// The sentences are written for this project (in the style of a 镇 half-year report: 一是…二是…,
// figures with units, half-width commas typed by authors); they are not taken from any report.
// `sections` scales it: 2 gives ~5 pages, 80 gives ~200 pages. Deterministic for a given size.

const TOPICS = [
  ['聚焦实体经济，稳住工业基本盘', '工业'],
  ['深化改革攻坚，激发市场主体活力', '改革'],
  ['补齐民生短板，提升群众获得感', '民生'],
  ['守牢安全底线，营造平安稳定环境', '安全'],
  ['推动城乡融合，绘就乡村振兴新图景', '乡村'],
  ['强化党建引领，锻造过硬干部队伍', '党建'],
];

const SENTENCES = [
  (f) => `全镇实现规上工业总产值${f.a}亿元，同比增长${f.p}%，增速高于全市平均水平${f.q}个百分点。`,
  (f) => `完成固定资产投资${f.b}亿元，完成全年目标任务的${f.r}%，其中工业投资${f.c}亿元，同比增长${f.p}%。`,
  (f) => `新增市场主体${f.n}家，其中企业${f.m}家,个体工商户${f.n - f.m}家,市场活力持续释放。`,
  (f) => `1-${f.month}月，限上社会消费品零售额达到${f.c}亿元，同比增长${f.q}%，位列全市第${f.rank}位。`,
  () => '围绕“产业兴镇、项目强镇”目标，坚持把项目建设作为推动发展的“牛鼻子”，全力以赴抓招引、抓落地、抓投产。',
  () => '组建工作专班，实行“一个项目、一名领导、一套班子、一抓到底”的推进机制，确保项目早开工、早投产、早见效。',
  (f) => `全年累计完成土地征收${f.n * 3}亩，盘活存量低效用地${f.m}亩，为重大项目落地腾出了发展空间。`,
  () => '坚持问题导向，对群众反映强烈的停车难、出行难等问题，逐项建立台账，明确责任单位和完成时限，实行销号管理。',
  (f) => `开展安全生产大检查${f.n}次，排查整改各类隐患${f.m * 4}处，整改率达到100%，未发生较大及以上安全事故。`,
  () => '持续深化“最多跑一次”改革——让数据多跑路、群众少跑腿，政务服务事项网上可办率进一步提高。',
  (f) => `累计发放各类补助资金${f.a}万元，惠及困难群众${f.n * 12}人次，兜底保障能力不断增强……`,
  () => '下一步，我们将坚持稳中求进工作总基调，紧盯年度目标任务，以更大力度、更实举措，推动各项工作再上新台阶。',
  (f) => `引进ABC Technology等外资项目${f.rank}个，合同利用外资${f.q}亿美元，实际到位资金同比增长${f.p}%。`,
  () => '加强与高校、科研院所的合作（包括共建研发中心、联合培养人才等），推动创新链与产业链深度融合。',
  (f) => `城乡居民人均可支配收入分别达到${f.n * 31}元和${f.n * 17}元，分别增长${f.q}%和${f.p}%。`,
];

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Small deterministic generator so the document is the same on every run. */
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 0x100000000;
  };
}

const text = (t) => [{ kind: 'text', text: t }];
const para = (t) => ({ kind: 'paragraph', content: text(t) });

export function sampleDocument({ sections = 2, seed = 7 } = {}) {
  const random = rng(seed);
  const pick = (n) => Math.floor(random() * n);
  const figures = () => ({
    a: (10 + random() * 90).toFixed(2), b: (5 + random() * 40).toFixed(2), c: (1 + random() * 9).toFixed(2),
    p: (random() * 15).toFixed(1), q: (random() * 5).toFixed(1), r: (40 + random() * 60).toFixed(1),
    n: 20 + pick(300), m: 5 + pick(15), month: 3 + pick(4), rank: 1 + pick(9),
  });
  const paragraph = (points) => {
    const parts = [];
    for (let k = 0; k < points; k++) {
      const lead = points > 1 ? `${ORDINALS[k]}是${['抓好统筹协调', '狠抓工作落实', '强化要素保障', '注重长效管理'][k % 4]}。` : '';
      const count = 1 + pick(3);
      let body = '';
      for (let s = 0; s < count; s++) body += SENTENCES[pick(SENTENCES.length)](figures());
      parts.push(lead + body);
    }
    return parts.join('');
  };
  const body = [
    para(`今年以来，在区委、区政府的坚强领导下，全镇上下坚持稳中求进，统筹推进稳增长、促改革、惠民生、保安全各项工作，主要经济指标保持平稳增长。1-6月，全镇实现地区生产总值48.62亿元，同比增长7.4%；完成一般公共预算收入3.15亿元，同比增长5.2%。现将有关情况报告如下：`),
  ];
  for (let s = 0; s < sections; s++) {
    const [title1] = TOPICS[s % TOPICS.length];
    body.push({ kind: 'heading', level: 1, number: `${ORDINALS[s % 10]}、`, ordinal: s + 1, content: text(s % 2 ? '下半年工作打算' : '上半年工作成效') });
    for (let t = 0; t < 3; t++) {
      const [title2] = TOPICS[(s + t) % TOPICS.length];
      body.push({ kind: 'heading', level: 2, number: `（${ORDINALS[t]}）`, ordinal: t + 1, content: text(t === 0 ? title1 : title2) });
      body.push(para(paragraph(2 + pick(3))));
      body.push(para(paragraph(1)));
      if (t === 1) {
        body.push({ kind: 'heading', level: 3, number: '1.', ordinal: 1, content: text('主要指标完成情况') });
        body.push({
          kind: 'table', header: true, align: ['left', 'right', 'right', 'right'],
          rows: [
            ['指标', '完成值', '同比增长', '完成年度目标'],
            ['规上工业总产值（亿元）', '48.62', '7.4%', '52.3%'],
            ['固定资产投资（亿元）', '21.07', '12.9%', '61.0%'],
            ['限上社会消费品零售额（亿元）', '6.38', '3.1%', '49.8%'],
          ].map((row) => row.map((cell) => ({ content: text(cell) }))),
        });
        body.push({ kind: 'heading', level: 4, number: '（1）', ordinal: 1, content: text('存在的主要问题') });
        body.push({
          kind: 'list', ordered: true, start: 1,
          items: [
            [para('重大产业项目储备不足，接续乏力，部分项目前期手续办理进度偏慢。')],
            [para('企业融资难、用工难问题依然突出，小微企业经营压力较大。')],
          ],
        });
      }
    }
  }
  body.push(para('特此报告。'));
  return {
    title: '关于2023年上半年经济社会发展情况和下半年工作打算的报告',
    recipient: '区人民政府：',
    body,
    attachments: ['2023年上半年主要经济指标完成情况表', '重点项目推进情况一览表'],
    signature: ['某某镇人民政府'],
    date: '2023年7月10日',
    metadata: { title: '关于2023年上半年经济社会发展情况和下半年工作打算的报告', author: '某某镇人民政府', created: new Date(Date.UTC(2023, 6, 10)), language: 'zh-CN' },
  };
}

/** Every character the document prints, in reading order (for gbt9704-check --expect-text). */
export function printedText(doc) {
  const inline = (content) => content.map((r) => (r.kind === 'text' ? r.text : '')).join('');
  const out = [doc.title, doc.recipient ?? ''];
  const walk = (blocks) => {
    for (const b of blocks) {
      if (b.kind === 'paragraph') out.push(inline(b.content));
      else if (b.kind === 'heading') out.push(b.number + inline(b.content));
      else if (b.kind === 'table') for (const row of b.rows) out.push(row.map((c) => inline(c.content)).join(''));
      else if (b.kind === 'list') b.items.forEach((item, i) => { out.push(b.ordered ? `${b.start + i}.` : '•'); walk(item); });
      else if (b.kind === 'quote') walk(b.blocks);
    }
  };
  walk(doc.body);
  doc.attachments.forEach((a, i) => out.push((i === 0 ? '附件：' : '') + (doc.attachments.length > 1 ? `${i + 1}.` : '') + a));
  out.push(...doc.signature, doc.date ?? '');
  return out.join('\n');
}
