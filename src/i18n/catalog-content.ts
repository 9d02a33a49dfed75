/**
 * Chinese for what a report is made of: charts, the Markdown of the sections (captions, images
 * and the damage found in them), templates and their helpers, the indicators they read, the
 * 公文 parts (版头, 附件 pages), the layout, the fonts and the writers. Same form as catalog.ts:
 * the English template with {placeholders}, then its Chinese. Messages after "chart: " or
 * "style spec: " are written without that opening (catalog.ts's PREFIXES translate it).
 */
import type { Entry } from './catalog.js';

export const CONTENT_MESSAGES: Entry[] = [
  // ```chart fences: what is written in them (after "chart: ")
  ['expected keys such as `type: bar` and `series: [指标, …]`', '图表里要写成“键: 值”的形式，如 `type: bar` 和 `series: [指标, …]`'],
  ['unknown key "{key}"', '未知的键“{key}”'],
  ['`type` is missing (bar, line or pie)', '缺少 `type`（图表类型）；请写 bar（柱状图）、line（折线图）或 pie（饼图）'],
  ['unknown type "{type}"; did you mean "{guess}"? (bar, line or pie)', '未知的图表类型“{type}”；是不是“{guess}”？（可用：bar 柱状图、line 折线图、pie 饼图）'],
  ['unknown type "{type}" (bar, line or pie)', '未知的图表类型“{type}”；请写 bar（柱状图）、line（折线图）或 pie（饼图）'],
  ['`series` is missing: name the indicators to draw, e.g. series: [规上工业产值, 固定资产投资]', '缺少 `series`：请写出要画的指标，如 series: [规上工业产值, 固定资产投资]'],
  ['`series` names no indicator; e.g. series: [规上工业产值, 固定资产投资]', '`series` 里没有写指标；请写出要画的指标，如 series: [规上工业产值, 固定资产投资]'],
  ['each series entry names an indicator (规上工业产值) or renames one ({工业: 规上工业产值})', '`series` 的每一项要写一个指标名（如 规上工业产值），或给指标改个显示名（如 {工业: 规上工业产值}）'],
  ['a renamed series is `显示名: 指标`, e.g. 工业: 规上工业产值', '改显示名的系列要写成 `显示名: 指标`，如 工业: 规上工业产值'],
  ['a pie chart shows one series; `compare` is for bar and line charts', '饼图只能画一个系列；`compare`（对比）只用于柱状图和折线图，请删掉它或改用柱状图'],
  ['id "{id}" may hold letters, digits, _ : . - only', 'id“{id}”只能由文字、字母、数字和 _ : . - 组成；请删掉空格和其他符号'],
  ['compare "" is not previous (上年同期) or target (目标)', '`compare` 没有写对；只能写 previous（上年同期）或 target（目标）'],
  ['compare "{text}" is not previous (上年同期) or target (目标)', '`compare` 的值“{text}”不对；只能写 previous（上年同期）或 target（目标）'],
  ['`{key}` expects text', '`{key}` 要写一段文字'],
  // charts: the indicators they draw
  ['no indicator data to draw from', '没有指标数据可画；请在 report.yaml 的 `indicators` 中列出指标文件'],
  ['chart names missing indicator "{name}"', '图表中的指标“{name}”在指标文件里找不到'],
  ['"{a}" is one value while "{b}" holds values per period; chart either kind, not both', '“{a}”是单个数值，而“{b}”是按期排列的一组数值；一张图只能画其中一种，请分成两张图'],
  ['{n} series; a chart stays legible with at most {max}', '图中有 {n} 个系列；一张图最多画 {max} 个才看得清，请拆成几张图'],
  ['{n} categories; a chart stays legible with at most {max}', '图中有 {n} 个分类；一张图最多画 {max} 个才看得清，请拆成几张图或减少指标'],
  ['"{name}" holds no values', '“{name}”里没有数值；请在指标文件中填上各期的数值'],
  ['"{name}" is {value}, not a number', '“{name}”是{value}，不是数字；请在指标文件中填上数字'],
  ['"{name}" has no {label} value (`{key}` or {alt}) to compare with', '“{name}”没有{label}值可以对比；请在指标中加上 `{key}` 或 {alt}，或者删掉 `compare`'],
  ['`compare` needs one value per indicator; for values per period, name each period series', '`compare`（对比）只用于每个指标一个数值的图；按期排列的数据要对比时，请把要对比的各组数据分别写成一个系列'],
  ['"{a}" has periods {list}, but "{b}" has {list2}', '“{a}”的期别是 {list}，而“{b}”的期别是 {list2}；同一张图中各系列的期别要一致'],
  ['a pie chart shows one series, got {n}; use a bar chart to compare them', '饼图只能画一个系列，现在有 {n} 个；要对比几组数据请改用柱状图（type: bar）'],
  ['a pie chart cannot show the negative value {value} ({name})', '饼图画不了负数 {value}（{name}）；请改用柱状图（type: bar）'],
  ['a pie chart needs at least one value above 0', '饼图至少要有一个大于 0 的数值'],
  ['"{a}" is in {unit} but "{b}" in {unit2}; one chart draws one unit (split it, or scale the data)', '“{a}”的单位是 {unit}，而“{b}”的单位是 {unit2}；一张图只能用一种单位（请拆成两张图，或先把数据换算成同一单位）'],
  ['category labels or series names are too long for one row even at {size} pt; shorten them ({短名: 指标} in series)', '分类名称或系列名称太长，字号缩到 {size} 磅仍排不进一行；请缩短名称（在 series 中写成 {短名: 指标}）'],
  // captions and references to them
  ['caption key "{key}" is used twice ({a} and {b}); keys name one table or figure', '题注的键“{key}”用了两次（{a} 和 {b}）；一个键只能标一张表或一幅图，请改掉其中一个'],
  ['reference to "#{key}": no table or figure has that key', '引用“#{key}”找不到：没有哪张表或哪幅图用了这个键'],
  ['reference to "#{key}": no table or figure has that key (give one with {#key} after its caption, or id: in a chart)', '引用“#{key}”找不到：没有哪张表或哪幅图用了这个键（请在题注后面写上 {#key}，或在图表中写 id:）'],
  ['reference [{written}](#{key}): write [{label}](#{key2}) or [](#{key3}); it prints {shown}', '引用 [{written}](#{key}) 写得不对：请写成 [{label}](#{key2}) 或 [](#{key3})；它会印成“{shown}”'],
  ['a 表： caption line must stand right above its table', '“表：”题注行要紧挨着写在表格的上一行'],
  ['a 图： caption line must stand right below its image or chart (which has no caption yet)', '“图：”题注行要紧挨着写在图片或图表的下一行（而且这幅图还没有题注）'],
  // the size of the body
  ['the report body (all sections after templates) has more than {n} lines from here on; the limit keeps builds within memory (split the report or shorten its tables)', '报告正文（所有章节套用模板之后）从这里起超过 {n} 行；为免内存不够，正文有行数上限（请把报告拆开，或缩短其中的表格）'],
  ['the report body (all sections after templates) has more than {n} KB from here on; the limit keeps builds within memory (split the report or shorten its tables)', '报告正文（所有章节套用模板之后）从这里起超过 {n} KB；为免内存不够，正文有大小上限（请把报告拆开，或缩短其中的表格）'],
  ['this paragraph has more than {n} emphasis marks (*, _ or ~); split it into shorter paragraphs', '这一段的强调标记（*、_ 或 ~）超过 {n} 个；请拆成几个短一些的段落'],
  // images: a damaged file, and what is wrong in it (quoted in "image … is damaged (…)")
  ['image is damaged ({problem}); export it again', '图片已损坏（{problem}）；请重新导出这张图片'],
  ['image not found: {path}', '找不到图片：{path}；请检查图片是否还在项目文件夹里'],
  ['bad PNG signature', 'PNG 文件头不对，不是完整的 PNG 图片'],
  ['the file ends before its IEND chunk', '文件不完整，缺少 PNG 的结尾（IEND）'],
  ['bad chunk type at byte {n}', '第 {n} 字节处的数据块类型不对'],
  ['the {type} chunk runs past the end of the file', '{type} 数据块超出了文件末尾，文件不完整'],
  ['the {type} chunk has a bad checksum', '{type} 数据块校验不符'],
  ['the first chunk is not IHDR', '第一个数据块不是图片头（IHDR）'],
  ['two IHDR chunks', '有两个图片头（IHDR）'],
  ['bad IHDR chunk', '图片头（IHDR）有误'],
  ['unsupported IHDR values', '图片头（IHDR）中的取值无法识别'],
  ['no IHDR chunk', '缺少图片头（IHDR）'],
  ['a palette image without a PLTE chunk', '调色板图片缺少调色板（PLTE）'],
  ['no image data (IDAT)', '没有图像数据（IDAT）'],
  ['more image data than its size', '图像数据比图片尺寸多'],
  ['the image data does not decompress', '图像数据无法解压'],
  ['the image data is truncated', '图像数据不完整'],
  ['bad row filter in the image data', '图像数据中的行过滤方式不对'],
  ['bad JPEG start (SOI)', 'JPEG 文件开头不对（SOI），不是完整的 JPEG 图片'],
  ['the file ends before its image data (SOS)', '文件在图像数据（SOS）之前就结束了，文件不完整'],
  ['the file ends before its end marker (EOI)', '文件不完整，缺少 JPEG 的结束标记（EOI）'],
  ['expected a marker at byte {n}', '第 {n} 字节处应当是标记，文件结构有误'],
  ['the file ends inside a marker segment', '文件在一个标记段中间就结束了，文件不完整'],
  ['the file ends inside a marker', '文件在一个标记中间就结束了，文件不完整'],
  ['no frame header (SOF)', '缺少帧头（SOF）'],
  ['no image data (SOS)', '没有图像数据（SOS）'],
  ['unexpected marker at byte {n}', '第 {n} 字节处出现了不该有的标记'],
  ['a marker segment runs past the end of the file', '有标记段超出了文件末尾，文件不完整'],
  ['image data (SOS) before the frame header (SOF)', '图像数据（SOS）出现在帧头（SOF）之前'],
  // templates: limits
  ['helper calls are nested more than {n} levels deep inside one {{…}}', '一个 {{…}} 里的函数调用嵌套超过 {n} 层；请拆开来写'],
  ['{{#each}} loops run more than {n} times in this file; the template would make the report too large', '本文件中的 {{#each}} 循环超过 {n} 次，生成的报告会太大；请检查循环用的数据'],
  ['{{#each}} loops produce more than {n} million characters in this file; the template would make the report too large', '本文件中的 {{#each}} 循环生成了超过 {n} 百万个字符，生成的报告会太大；请检查循环用的数据'],
  // helpers given the wrong kind of figure (lint rule helper-argument, and the build)
  ['{helper} needs the value a year earlier of {ref}, and the data has none (add `previous`, or 上年同期 in a group)', '{helper} 要用 {ref} 的上年同期值，但数据里没有；请加上 `previous`，或在这组指标中加上 上年同期'],
  ['pp: {n} after a figure with its own previous value is ambiguous; write {{pp 指标}} for value − previous, or give two rates: {{pp 本期 上期}}', 'pp：指标自带上期值，后面再写数字 {n} 意思不明确；要“本期减上期”就写 {{pp 指标}}，要比较两个比率就写 {{pp 本期 上期}}'],
  ['pp takes rates (it prints their difference in 百分点), but {ref} is in {unit}, not %; for an amount use {{change {whole}}}', 'pp 只用于比率（印出两者相差多少百分点），但 {ref} 的单位是 {unit}，不是 %；数量的增减请用 {{change {whole}}}'],
  ['pp takes rates (it prints their difference in 百分点), but {ref} is not a rate (no unit %, and its name does not end in 率); for an amount use {{change {whole}}}', 'pp 只用于比率（印出两者相差多少百分点），但 {ref} 不是比率（单位不是 %，名称也不以“率”结尾）；数量的增减请用 {{change {whole}}}'],
  ['{helper} takes a rate (a percentage), but {ref} is in {unit}, not %; print the figure with {{{ref2}}} or {{num {ref3}}}', '{helper} 只用于比率（百分数），但 {ref} 的单位是 {unit}，不是 %；要印这个数请用 {{{ref2}}} 或 {{num {ref3}}}'],
  ['{helper} takes a rate (a percentage), but {ref} is not a rate (no unit %, and its name does not end in 率); print the figure with {{{ref2}}} or {{num {ref3}}}', '{helper} 只用于比率（百分数），但 {ref} 不是比率（单位不是 %，名称也不以“率”结尾）；要印这个数请用 {{{ref2}}} 或 {{num {ref3}}}'],
  ['pp prints the change of a rate in 百分点, but {ref} is in {unit}, not %; for an amount use {{change {ref2}}}', 'pp 印的是比率变化了多少百分点，但 {ref} 的单位是 {unit}，不是 %；数量的增减请用 {{change {ref2}}}'],
  ['pp prints the change of a rate in 百分点, but {ref} is not a rate (no unit %, and its name does not end in 率); for an amount use {{change {ref2}}}', 'pp 印的是比率变化了多少百分点，但 {ref} 不是比率（单位不是 %，名称也不以“率”结尾）；数量的增减请用 {{change {ref2}}}'],
  ['pp of one figure needs its previous value, but {ref} is a bare number; write {{pp {ref2} other}} with two rates, or give it a previous value', 'pp 只给一个指标时要用它的上年同期值，但 {ref} 只是一个数字；请写成 {{pp {ref2} other}}（other 换成另一个比率），或给它加上上年同期值'],
  ['growth needs a figure with its previous value, but {ref} is a bare number', 'growth 要用带上年同期值的指标，但 {ref} 只是一个数字；请给它加上 `previous`（上年同期）'],
  ['{ref} is a rate: its change is in 百分点; use {{pp {ref2}}}', '{ref} 是比率，它的变化要用百分点表示；请改用 {{pp {ref2}}}'],
  ['growth needs the whole figure, not one of its values: use {{growth {whole}}}', 'growth 要用整个指标，而不是其中的某一个值；请写成 {{growth {whole}}}'],
  ['{helper} needs a figure with its target, but {ref} is a bare number', '{helper} 要用带目标值的指标，但 {ref} 只是一个数字；请给它加上 `target`（全年目标）'],
  ['{helper} needs the whole figure, not one of its values: use {{{helper2} {whole}}}', '{helper} 要用整个指标，而不是其中的某一个值；请写成 {{{helper2} {whole}}}'],
  ['{helper} needs the target of {ref}, and the data has none (add `target`, or 全年目标 in a group)', '{helper} 要用 {ref} 的目标值，但数据里没有；请加上 `target`，或在这组指标中加上 全年目标'],
  ['change of {ref} would print one of the figure\'s values as a change; use {{change {whole}}} (it computes the growth from the previous value)', '对 {ref} 用 change 会把指标中的某一个值当成增减印出；请写成 {{change {whole}}}（它会按上年同期值算出增速）'],
  ['change takes a growth rate, but {ref} is a rate level; use {{pp …}} for its change, or name the growth rate (增速)', 'change 要用增速，但 {ref} 是比率本身的数值；它的变化请用 {{pp …}}，或者改写增速指标（增速）'],
  ['change takes a growth rate or a figure with its previous value, but {ref} is a bare number; give it a previous value ({value: …, previous: …}) or name the growth rate (增速)', 'change 要用增速，或带上年同期值的指标，但 {ref} 只是一个数字；请给它加上上年同期值（写成 {value: …, previous: …}），或者改写增速指标（增速）'],
  // helpers: the figures they read
  ['{helper}: the group has {a} and {b} and {c}; name the one to use (e.g. {first})', '{helper}：这组指标里同时有 {a}、{b} 和 {c}；请写明用哪一个（如 {first}）'],
  ['{helper}: the group has {a} and {b}; name the one to use (e.g. {first})', '{helper}：这组指标里同时有 {a} 和 {b}；请写明用哪一个（如 {first}）'],
  ['{helper}: the group has {list}; name the one to use (e.g. {first})', '{helper}：这组指标里同时有 {list}；请写明用哪一个（如 {first}）'],
  ['a group of indicators without a current value ({list} …)', '一组没有本期值的指标（其中没有 {list} 等键）'],
  ['{helper}: expects an indicator with `value` and `{name}` (or {key}), got a bare number', '{helper}：这里要一个写有 `value` 和 `{name}`（或 {key}）的指标，现在只是一个数字；请在指标文件中补上 `{name}`'],
  ['{helper}: the indicator has no `{name}` (or {key})', '{helper}：这个指标没有 `{name}`（或 {key}）；请在指标文件中补上'],
  ['scale: unknown source unit {unit}', 'scale：认不出原来的单位 {unit}'],
  ['scale: unknown target unit {unit}', 'scale：认不出要换算成的单位 {unit}；请写 万元、亿元 这类 scale 能换算的单位'],
  ['cn: {n} is not a whole number', 'cn：{n} 不是整数'],
  // indicator files: numbers as written
  ['"{a},{b}" is read as the number {n} and a key "{key}": thousands separator? write {fixed}', '“{a},{b}”被读成了数字 {n} 和键“{key}”：是不是用了千位分隔符？请写成 {fixed}'],
  ['{n} is too large to be a figure (it reads as infinity)', '{n} 太大，不能当作数字（会被读成无穷大）；请检查是否多写了位数'],
  ['{written} has more digits than a figure can hold (it would print as {value}); quote it if it is a code, not a figure', '{written} 的位数太多，数字存不下（会印成 {value}）；如果它是编码而不是数字，请给它加上引号'],
  // 公文 parts
  ['the 发文机关标志 "{text}" is too long for one line even narrowed to {n} %: give a short name in header.mark', '发文机关标志“{text}”太长，压窄到 {n}% 也排不进一行；请在 header.mark 中写一个简称'],
  ['the template "{name}" has no `attachmentPage`, which an attachment with a `file` needs', '模板“{name}”没有附件页样式（`attachmentPage`），而写了 `file` 的附件要用到它；请换用带附件页的模板，或删掉附件的 `file`'],
  // layout
  ['no font has the character "{ch}" (U+{code}); it is printed as 〓', '所有字体里都没有字符“{ch}”（U+{code}），它会印成 〓；请换成常用字，或安装含有这个字的字体'],
  ['a table of {n} columns is too wide for the page even at {size} pt: figures may wrap (split it or shorten its heads)', '这张表有 {n} 列，字号缩到 {size} 磅仍比版心宽，数字可能折行；请把表拆开，或缩短表头'],
  // fonts
  ['the font file ends early', '字体文件不完整（提前结束），可能已损坏；请重新复制或安装这个字体'],
  ['not an OpenType or TrueType font', '不是 OpenType 或 TrueType 字体；请换用 .ttf 或 .otf 字体文件'],
  ['the font has no {tag} table', '字体里缺少 {tag} 表，可能已损坏或不完整；请换一个字体文件'],
  ['short read', '读到的内容不完整，文件可能已损坏'],
  // the writers (what each output format is; errors that mean a fault in report itself)
  ['Word document for Word, WPS and LibreOffice', 'Word 文档，可用 Word、WPS 或 LibreOffice 打开'],
  ['PDF on the GB/T 9704 grid, fonts embedded', '按 GB/T 9704 版心排版的 PDF，已嵌入字体'],
  ['plain text with generated numbering, for diffs and OA systems', '带自动编号的纯文本，便于比对修改或贴进 OA 系统'],
  ['no writer for "{name}"', '无法生成“{name}”格式（程序内部错误，请报告这个问题）'],
  ['layout used an unknown face {face}', '排版用到了未登记的字体 {face}（程序内部错误，请报告这个问题）'],
  ['the PDF writer needs the laid-out pages', '生成 PDF 要先排好版面（程序内部错误，请报告这个问题）'],
  ['report lays out text itself', '文字由 report 自己排版（程序内部错误，请报告这个问题）'],
];

/** Words a longer message quotes (merged into catalog.ts's PHRASES). */
export const CONTENT_PHRASES: Record<string, string> = {
  empty: '空值', 'a group without a current value': '一组没有本期值的数据',
};
