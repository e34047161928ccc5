/**
 * Kept draft pages → one PDF document. Image pages stream through the pure PdfWriter (JPEG
 * embedded as is, bilevel as 1-bit Flate), so memory stays flat for long documents; when the
 * draft holds pages of a PDF taken from a hot folder, pdf-lib copies those pages unchanged.
 */
import { readFile } from 'node:fs/promises';
import { PDFDocument, degrees } from 'pdf-lib';
import type { DraftPageRow } from '../../../db/repositories/scan-drafts-repository';
import { PdfWriter } from '../../../native/scanner/pdf/pdf-writer';
import { fromStoredPath, writeDurably, type DurableFile } from './scan-files';

export interface AssemblyInfo {
  title: string;
  createdAt: number;
}

export async function assemblePdf(
  dataDir: string,
  pages: DraftPageRow[],
  finalPath: string,
  info: AssemblyInfo,
): Promise<DurableFile> {
  if (pages.some((p) => p.kind === 'pdf'))
    return assembleWithPdfLib(dataDir, pages, finalPath, info);
  return writeDurably(finalPath, async (write) => {
    const writer = new PdfWriter();
    await write(writer.start());
    for (const page of pages) {
      const data = await readFile(fromStoredPath(dataDir, page.file));
      await write(
        writer.addPage({
          widthPx: page.width,
          heightPx: page.height,
          dpi: page.dpi,
          rotate: page.rotation,
          image:
            page.kind === 'jpeg'
              ? { kind: 'jpeg', data, components: page.components === 1 ? 1 : 3 }
              : { kind: 'flate', data, colorSpace: 'DeviceGray', bitsPerComponent: 1 },
        }),
      );
    }
    await write(
      writer.finish({ title: info.title, producer: 'Mot Cua Desk', createdAt: info.createdAt }),
    );
  });
}

async function assembleWithPdfLib(
  dataDir: string,
  pages: DraftPageRow[],
  finalPath: string,
  info: AssemblyInfo,
): Promise<DurableFile> {
  const out = await PDFDocument.create({ updateMetadata: false });
  out.setTitle(info.title);
  out.setProducer('Mot Cua Desk');
  out.setCreationDate(new Date(info.createdAt));
  const sources = new Map<string, PDFDocument>();
  for (const page of pages) {
    const bytes = await readFile(fromStoredPath(dataDir, page.file));
    if (page.kind === 'pdf') {
      let src = sources.get(page.file);
      if (!src) {
        src = await PDFDocument.load(bytes, { updateMetadata: false });
        sources.set(page.file, src);
      }
      const [copied] = await out.copyPages(src, [page.pdfPage ?? 0]);
      if (page.rotation)
        copied!.setRotation(degrees((copied!.getRotation().angle + page.rotation) % 360));
      out.addPage(copied);
      continue;
    }
    const w = (page.width * 72) / page.dpi;
    const h = (page.height * 72) / page.dpi;
    const pdfPage = out.addPage([w, h]);
    if (page.kind === 'jpeg') {
      const image = await out.embedJpg(bytes);
      pdfPage.drawImage(image, { x: 0, y: 0, width: w, height: h });
    } else {
      const { bilevelToGray } = await import('./page-processing');
      const sharp = (await import('sharp')).default;
      const png = await sharp(bilevelToGray(bytes, page.width, page.height), {
        raw: { width: page.width, height: page.height, channels: 1 },
      })
        .png({ palette: true, colours: 2 })
        .toBuffer();
      pdfPage.drawImage(await out.embedPng(png), { x: 0, y: 0, width: w, height: h });
    }
    if (page.rotation) pdfPage.setRotation(degrees(page.rotation));
  }
  // pdf-lib writes PDF 1.7 headers: above the ≥ 1.4 floor of regulations.md §3.
  const bytes = await out.save({ useObjectStreams: false });
  return writeDurably(finalPath, async (write) => write(bytes));
}
