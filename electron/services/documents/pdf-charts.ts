/**
 * Charts drawn as PDF vector graphics (paths, rectangles, real text): they print sharp at any
 * size and their labels stay searchable. Two kinds the reports need: horizontal stacked bars
 * (files per procedure by channel) and a monthly trend (bars for counts, lines for rates).
 */
import { FONT, type PdfDoc } from './pdf-basics';

export interface Series {
  name: string;
  color: string;
  dash?: boolean;
}

/** A "nice" axis step (1, 2 or 5 × 10ⁿ) giving about `ticks` intervals up to `max`. */
export function niceStep(max: number, ticks = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  return Math.max(1, step);
}

/** `format` the axis numbers; labels longer than `width` are cut with an ellipsis. */
function fit(doc: PdfDoc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function legend(doc: PdfDoc, series: readonly Series[], x: number, y: number, width: number) {
  doc.font(FONT.regular).fontSize(9);
  const items = series.map((s) => ({ s, w: 14 + doc.widthOfString(s.name) + 14 }));
  let cx = x + (width - items.reduce((n, i) => n + i.w, 0)) / 2;
  for (const { s, w } of items) {
    if (s.dash !== undefined) {
      doc.save().lineWidth(1.5).strokeColor(s.color);
      if (s.dash) doc.dash(3, { space: 2 });
      doc
        .moveTo(cx, y + 4.5)
        .lineTo(cx + 10, y + 4.5)
        .stroke()
        .restore();
    } else {
      doc.save().rect(cx, y, 10, 9).fill(s.color).restore();
    }
    doc.fillColor('#000').text(s.name, cx + 14, y, { lineBreak: false });
    cx += w;
  }
  return y + 14;
}

function title(doc: PdfDoc, text: string, x: number, y: number, width: number): number {
  doc.font(FONT.bold).fontSize(11).fillColor('#000');
  doc.text(text, x, y, { width, align: 'center' });
  return doc.y + 4;
}

/** Horizontal bars, one per item, stacked by series; returns the y under the legend. */
export function drawStackedBars(
  doc: PdfDoc,
  box: { x: number; y: number; width: number },
  heading: string,
  items: readonly { label: string; values: readonly number[] }[],
  series: readonly Series[],
  format: (n: number) => string,
): number {
  let y = title(doc, heading, box.x, box.y, box.width);
  const labelWidth = box.width * 0.38;
  const plotX = box.x + labelWidth + 6;
  const plotWidth = box.width - labelWidth - 6 - 44;
  const max = Math.max(1, ...items.map((i) => i.values.reduce((a, b) => a + b, 0)));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const scale = plotWidth / top;
  const barHeight = 10;
  const rowHeight = 15;
  const plotHeight = items.length * rowHeight;
  doc.save().lineWidth(0.3).strokeColor('#bbbbbb');
  doc.font(FONT.regular).fontSize(8).fillColor('#000');
  for (let v = 0; v <= top; v += step) {
    const gx = plotX + v * scale;
    doc
      .moveTo(gx, y)
      .lineTo(gx, y + plotHeight)
      .stroke();
    const label = format(v);
    doc.text(label, gx - doc.widthOfString(label) / 2, y + plotHeight + 2, { lineBreak: false });
  }
  doc.restore();
  items.forEach((item, i) => {
    const by = y + i * rowHeight + (rowHeight - barHeight) / 2;
    doc.font(FONT.regular).fontSize(9).fillColor('#000');
    doc.text(fit(doc, item.label, labelWidth), box.x, by + 0.5, {
      width: labelWidth,
      align: 'right',
      lineBreak: false,
    });
    let bx = plotX;
    item.values.forEach((v, s) => {
      if (v <= 0) return;
      doc
        .save()
        .rect(bx, by, v * scale, barHeight)
        .fill(series[s]!.color)
        .restore();
      bx += v * scale;
    });
    doc.font(FONT.regular).fontSize(8).fillColor('#000');
    doc.text(format(item.values.reduce((a, b) => a + b, 0)), bx + 3, by + 1.5, {
      lineBreak: false,
    });
  });
  y += plotHeight + 14;
  return legend(doc, series, box.x, y, box.width);
}

/** Monthly bars (left axis, counts) with rate lines (right axis, 0–100 %). */
export function drawTrend(
  doc: PdfDoc,
  box: { x: number; y: number; width: number; height: number },
  heading: string,
  points: readonly { label: string; bar: number; lines: readonly (number | null)[] }[],
  bar: Series,
  lines: readonly Series[],
  format: (n: number) => string,
): number {
  let y = title(doc, heading, box.x, box.y, box.width);
  const plotX = box.x + 36;
  const plotWidth = box.width - 36 - 30;
  const plotHeight = box.height;
  const bottom = y + plotHeight;
  const max = Math.max(1, ...points.map((p) => p.bar));
  const step = niceStep(max, 4);
  const top = Math.ceil(max / step) * step;
  doc.save().lineWidth(0.3).strokeColor('#bbbbbb');
  doc.font(FONT.regular).fontSize(8).fillColor('#000');
  for (let v = 0; v <= top; v += step) {
    const gy = bottom - (v / top) * plotHeight;
    doc
      .moveTo(plotX, gy)
      .lineTo(plotX + plotWidth, gy)
      .stroke();
    const label = format(v);
    doc.text(label, plotX - 3 - doc.widthOfString(label), gy - 3.5, { lineBreak: false });
    const pct = `${Math.round((v / top) * 100)}%`;
    doc.text(pct, plotX + plotWidth + 3, gy - 3.5, { lineBreak: false });
  }
  doc.restore();
  const slot = plotWidth / Math.max(1, points.length);
  points.forEach((p, i) => {
    const h = (p.bar / top) * plotHeight;
    doc
      .save()
      .rect(plotX + i * slot + slot * 0.2, bottom - h, slot * 0.6, h)
      .fill(bar.color)
      .restore();
    doc.font(FONT.regular).fontSize(8).fillColor('#000');
    const w = doc.widthOfString(p.label);
    doc.text(p.label, plotX + i * slot + (slot - w) / 2, bottom + 2, { lineBreak: false });
  });
  lines.forEach((line, l) => {
    doc.save().lineWidth(1.5).strokeColor(line.color);
    if (line.dash) doc.dash(3, { space: 2 });
    let drawing = false;
    points.forEach((p, i) => {
      const value = p.lines[l];
      if (value === null || value === undefined) {
        drawing = false;
        return;
      }
      const px = plotX + i * slot + slot / 2;
      const py = bottom - (Math.min(100, Math.max(0, value)) / 100) * plotHeight;
      if (drawing) doc.lineTo(px, py);
      else doc.moveTo(px, py);
      drawing = true;
    });
    doc.stroke().restore();
    points.forEach((p, i) => {
      const value = p.lines[l];
      if (value === null || value === undefined) return;
      const py = bottom - (Math.min(100, Math.max(0, value)) / 100) * plotHeight;
      doc
        .save()
        .circle(plotX + i * slot + slot / 2, py, 1.8)
        .fill(line.color)
        .restore();
    });
  });
  doc.save().lineWidth(0.6).strokeColor('#000');
  doc
    .moveTo(plotX, bottom)
    .lineTo(plotX + plotWidth, bottom)
    .stroke()
    .restore();
  y = bottom + 14;
  return legend(doc, [bar, ...lines], box.x, y, box.width);
}
