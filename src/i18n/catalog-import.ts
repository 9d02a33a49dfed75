/**
 * Chinese for `report import` (reading a .docx or .txt, the notes it leaves) and `report
 * extract`. Same form as catalog.ts: the English template with {placeholders}, then its Chinese.
 */
import type { Entry } from './catalog.js';

export const IMPORT_MESSAGES: Entry[] = [
  // the target folder
  ['is a file, not a folder for the project; name another folder with --out DIR', '是一个文件，不能用作项目文件夹；请用 --out 指定另一个文件夹'],
  ['is a file, not a folder for the project; choose a new or empty folder', '是一个文件，不能用作项目文件夹；请换一个新的或空的文件夹'],
  ['folder is not empty; import never writes into an existing project; name another folder with --out DIR', '文件夹不是空的；导入不会写进已有的项目，请用 --out 指定另一个文件夹'],
  ['folder is not empty; import never writes into an existing project; choose a new or empty folder', '文件夹不是空的；导入不会写进已有的项目，请换一个新的或空的文件夹'],
  // the file read
  ['is password-protected (an encrypted Office file); remove the password in Word or WPS and save it again as .docx', '设有密码（是加密的 Office 文件）；请在 Word 或 WPS 中取消密码，再另存为 .docx'],
  ['is a Word 97-2003 .doc file (binary); open it in Word or WPS and save it as .docx', '是 Word 97-2003 的 .doc 文件；请用 Word 或 WPS 打开后另存为 .docx'],
  ['is an older binary Office file, not a Word document; save the report as .docx', '是旧版 Office 文件，不是 Word 文档；请把报告另存为 .docx'],
  ['an OpenDocument file (.odt/.ods); save it as .docx', 'OpenDocument 文件（.odt/.ods）；请另存为 .docx'],
  ['an Excel workbook, not a Word document', 'Excel 工作簿，不是 Word 文档'],
  ['a PowerPoint presentation, not a Word document', 'PowerPoint 演示文稿，不是 Word 文档'],
  ['a ZIP archive without a Word document in it (no word/document.xml)', '压缩包，里面没有 Word 文档（没有 word/document.xml）'],
  ['text file is {size} MB; the limit is {limit} MB per text file (a report is a few dozen KB)', '文本文件有 {size} MB；每个文本文件最多 {limit} MB（一份报告通常只有几十 KB）'],
  ['is not a readable DOCX file: the ZIP archive is damaged ({detail})', '不是可读取的 DOCX 文件：压缩包已损坏（{detail}）；请用 Word 或 WPS 打开后重新保存'],
  ['is not a readable DOCX file: {part} is damaged ({detail})', '不是可读取的 DOCX 文件：其中的 {part} 已损坏（{detail}）；请用 Word 或 WPS 打开后重新保存'],
  ['is not a readable DOCX file: {part} is not well-formed XML ({detail})', '不是可读取的 DOCX 文件：其中的 {part} 格式有误（{detail}）；请用 Word 或 WPS 打开后重新保存'],
  ['part {part} expands to more than {n} MB; the file is damaged or not a report', '其中的 {part} 解压后超过 {n} MB；文件已损坏，或者不是一份报告'],
  // a DOCX part's XML, quoted in the messages above
  ['unterminated CDATA section', 'CDATA 段没有结束'],
  ['unterminated end tag', '结束标签没有写完'],
  ['unexpected end tag </{name}>', '多出了结束标签 </{name}>'],
  ['element <{name}> is not closed', '元素 <{name}> 没有关闭'],
  ['no root element', '没有根元素'],
  ['empty element name', '元素名是空的'],
  ['unterminated start tag <{name}>', '开始标签 <{name}> 没有写完'],
  ['attribute without value in <{name}>', '<{name}> 中有属性没有值'],
  ['unquoted attribute {attr} in <{name}>', '<{name}> 中的属性 {attr} 没有加引号'],
  ['unterminated attribute {attr} in <{name}>', '<{name}> 中的属性 {attr} 没有写完'],
  ['elements nested more than {n} levels deep', '元素嵌套超过 {n} 层'],
  ['unterminated comment', '注释没有结束'],
  ['unterminated processing instruction', '处理指令没有结束'],
  ['unterminated declaration', '声明没有结束'],
  // `is ${what}` for the ZIP files that are not Word documents: after every other "is …" entry, as it matches them all
  ['is {kind}', '是{kind}'],
  // notes printed after the import
  ['text boxes are not imported (their text is not part of the body)', '文本框没有导入（其中的文字不属于正文）'],
  ['linked (not embedded) images are not imported', '链接的图片（没有嵌入文档）没有导入'],
  ['image {name} is missing, damaged or over {n} MB; left out', '图片 {name} 缺失、已损坏或超过 {n} MB；没有导入'],
  ['image {name} is neither PNG nor JPEG (report build prints only those); left out', '图片 {name} 不是 PNG 或 JPEG（report build 只能印这两种）；没有导入，请另存为 PNG 或 JPEG 后放进 images/'],
  ['发文字号 "{number}" left out: {problem}', '发文字号“{number}”没有导入：{problem}'],
  ['no title recognised; report.yaml uses the file name "{name}" — edit `title`', '没有识别出标题；report.yaml 暂用文件名“{name}”作标题，请修改 `title`'],
  ['{n} block(s) after the 成文日期 that are no 附注, 附件 page or 版记 saved to appendix/after-date.md; the build does not print them', '成文日期之后有 {n} 段内容不是附注、附件页或版记，已存到 appendix/after-date.md；生成时不会印出'],
  ['read as {encoding}; the project\'s files are UTF-8', '按 {encoding} 编码读入；项目中的文件都存为 UTF-8'],
  // report extract
  ['cannot append indicators: the file is not a plain YAML mapping (one `key: value` a line); add a line break or move the keys into block style', '无法追加指标：这个文件不是简单的“键: 值”格式（每行一个 `键: 值`）；请在文件末尾加一个换行，或把键改成逐行书写'],
];
