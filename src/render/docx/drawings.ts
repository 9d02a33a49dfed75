/**
 * Floating DrawingML objects the docx package has no options for: straight rules (the red 版头
 * 分隔线, the 信函 double lines, the 版记 lines) and a borderless text box (the 信函 标志, which
 * lies above the text area where no paragraph can go). Each is anchored to a paragraph but placed
 * from the text area's top-left corner (relativeFrom="margin"), so it lands where the PDF draws
 * it and never moves the text; LibreOffice and Word both read them this way.
 */
import { ImportedXmlComponent, type ParagraphChild } from 'docx';
import { escapeXml } from './xml.js';

const EMU_PER_PT = 12700;
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const WPS_URI = 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape';

const emu = (pt: number): number => Math.round(pt * EMU_PER_PT);

function anchor(name: string, xPt: number, yPt: number, widthPt: number, heightPt: number, shape: string): ParagraphChild {
  const cx = emu(widthPt);
  const cy = emu(heightPt);
  const xml = '<w:r><w:drawing>' +
    '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">' +
    '<wp:simplePos x="0" y="0"/>' +
    `<wp:positionH relativeFrom="margin"><wp:posOffset>${emu(xPt)}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="margin"><wp:posOffset>${emu(yPt)}</wp:posOffset></wp:positionV>` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>` +
    `<wp:docPr id="1" name="${escapeXml(name)}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="${A_NS}"><a:graphicData uri="${WPS_URI}">${shape.replace(/\{cx\}/g, String(cx)).replace(/\{cy\}/g, String(cy))}</a:graphicData></a:graphic>` +
    '</wp:anchor></w:drawing></w:r>';
  return ImportedXmlComponent.fromXmlString(xml) as unknown as ParagraphChild;
}

/** A horizontal line `lengthPt` long whose centre line is `yPt` below the text area's top. */
export function lineDrawing(name: string, xPt: number, yPt: number, lengthPt: number, widthPt: number, color: string): ParagraphChild {
  const shape = '<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>' +
    `<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="${emu(widthPt)}"><a:solidFill><a:srgbClr val="${color.replace('#', '').toUpperCase()}"/></a:solidFill></a:ln>` +
    '</wps:spPr><wps:bodyPr/></wps:wsp>';
  return anchor(name, xPt, yPt, lengthPt, 0, shape);
}

/** A text box without border or insets holding `paragraphXml` (one or more w:p). */
export function textBoxDrawing(name: string, xPt: number, yPt: number, widthPt: number, heightPt: number, paragraphXml: string): ParagraphChild {
  const shape = '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>' +
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>' +
    `<wps:txbx><w:txbxContent>${paragraphXml}</w:txbxContent></wps:txbx>` +
    '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>';
  return anchor(name, xPt, yPt, widthPt, heightPt, shape);
}
