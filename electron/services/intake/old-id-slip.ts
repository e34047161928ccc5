/**
 * The one-page slip confirming the old 9-digit ID number (CMND) read from the card QR. NĐ 70/2024
 * Art. 12 puts the CMND number in the card's QR so nobody needs a separate confirmation paper
 * (regulations.md, service 1): the QR is the legal source, and this slip records what it said.
 */
import { join } from 'node:path';
import type { ScanRecord } from '../../api/scan-schemas';
import {
  contentWidth,
  createA4Document,
  drawNationalHeading,
  FONT,
  mm,
  renderPdf,
  vietnameseLongDate,
} from '../documents/pdf-basics';
import { viShortDate } from '../reports/vi-format';
import { writeFileDurablySync } from '../shared/durable-file';
import { vnClock, vnDay } from '../shared/vn-time';

export interface SlipOffice {
  officeName: string;
  place: string;
}

const SOURCE_NAMES: Record<ScanRecord['source'], string> = {
  wedge: 'máy quét chế độ bàn phím',
  hid_pos: 'máy quét HID POS',
  serial: 'máy quét cổng COM',
  manual: 'dữ liệu mã QR nhập tay',
};

export async function renderOldIdSlip(
  appRoot: string,
  scan: ScanRecord,
  office: SlipOffice | null,
  now: number,
): Promise<{ bytes: Buffer; pages: number }> {
  if (!scan.result.ok || !scan.result.citizen.oldIdNumber) throw new Error('no old ID number');
  const c = scan.result.citizen;
  const day = vnDay(now);
  const doc = createA4Document(appRoot, {
    title: 'Phiếu thông tin số Chứng minh nhân dân',
    subject: 'Số CMND 9 số đọc từ mã QR trên thẻ căn cước',
    createdAt: now,
  });
  drawNationalHeading(doc, {
    agency: office?.officeName ?? 'Bộ phận Một cửa',
    placeAndDate: `${office?.place ? `${office.place}, ` : ''}${vietnameseLongDate(day)}`,
  });

  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.moveDown(1);
  doc.font(FONT.bold).fontSize(14).text('PHIẾU THÔNG TIN SỐ CHỨNG MINH NHÂN DÂN', left, doc.y, {
    width,
    align: 'center',
  });
  doc.font(FONT.italic).fontSize(13).text('(đọc từ mã QR trên thẻ căn cước của công dân)', {
    width,
    align: 'center',
  });
  doc.moveDown(1).font(FONT.regular).fontSize(13);
  doc.text(
    `Lúc ${vnClock(scan.receivedAt).slice(11, 16)} ${vietnameseLongDate(vnDay(scan.receivedAt))}, ${office?.officeName ?? 'Bộ phận Một cửa'} đã đọc mã QR trên thẻ căn cước do công dân xuất trình, với các thông tin sau:`,
    left,
    doc.y,
    { width, align: 'justify' },
  );
  doc.moveDown(0.5);
  const rows: [string, string][] = [
    ['Họ và tên', c.fullName],
    ['Ngày sinh', viShortDate(c.dateOfBirth)],
    ['Giới tính', c.sex === 'male' ? 'Nam' : 'Nữ'],
    ['Số định danh cá nhân', c.idNumber],
    ['Ngày cấp thẻ', viShortDate(c.issueDate)],
    ['Nơi thường trú', c.address],
  ];
  for (const [label, value] of rows) field(doc, label, value, left, width);
  doc.moveDown(0.5);
  doc.font(FONT.bold).fontSize(14);
  field(doc, 'Số Chứng minh nhân dân (9 số) đã được cấp', c.oldIdNumber!, left, width);
  doc.moveDown(0.8).font(FONT.italic).fontSize(12);
  doc.text(
    'Theo Điều 12 Nghị định số 70/2024/NĐ-CP, số Chứng minh nhân dân 9 số được thể hiện trong mã QR trên thẻ căn cước; thông tin trên được khai thác trực tiếp từ mã QR, công dân không phải xuất trình giấy xác nhận số Chứng minh nhân dân.',
    left,
    doc.y,
    { width, align: 'justify' },
  );
  doc.moveDown(0.4).font(FONT.regular).fontSize(10);
  doc.text(
    `Nguồn: ${SOURCE_NAMES[scan.source]} (${scan.deviceLabel}); mã lượt quét ${scan.scanId.slice(0, 8)}.`,
    { width },
  );

  const signY = doc.y + mm(10);
  const half = width / 2;
  doc.font(FONT.bold).fontSize(13);
  doc.text('CÔNG DÂN', left, signY, { width: half, align: 'center' });
  doc.text('CÁN BỘ TIẾP NHẬN', left + half, signY, { width: half, align: 'center' });
  const noteY = doc.y;
  doc.font(FONT.italic).fontSize(12);
  doc.text('(Ký, ghi rõ họ tên)', left, noteY, { width: half, align: 'center' });
  doc.text('(Ký, ghi rõ họ tên)', left + half, noteY, { width: half, align: 'center' });
  return renderPdf(doc);
}

function field(
  doc: ReturnType<typeof createA4Document>,
  label: string,
  value: string,
  left: number,
  width: number,
) {
  doc.text(`${label}: `, left + mm(5), doc.y, { width: width - mm(5), continued: true });
  doc.text(value);
}

/** `<data>/slips/YYYY/MM/phieu-cmnd-YYYYMMDD-HHmmss-<last 4 of ID>.pdf`, written durably. */
export function saveSlip(dataDir: string, bytes: Uint8Array, scan: ScanRecord, now: number) {
  const stamp = vnClock(now).replace(/[-:T]/g, '').slice(0, 14);
  const last4 = scan.result.ok ? scan.result.citizen.idNumber.slice(-4) : 'xxxx';
  const fileName = `phieu-cmnd-${stamp.slice(0, 8)}-${stamp.slice(8)}-${last4}.pdf`;
  const file = join(dataDir, 'slips', stamp.slice(0, 4), stamp.slice(4, 6), fileName);
  writeFileDurablySync(file, bytes);
  return { file, fileName };
}
