/**
 * The digitization side of `demo seed`: for the seeded dossiers, the components scanned at the
 * counter, the results scanned on completion and the components reused from the same person's
 * earlier documents (tái sử dụng), as document rows and digitization-log entries — so reports,
 * the Số hóa page and the sync have numbers to show. Shares follow the roll-out: commune desks
 * digitize on receipt from 1/6/2023 (Chỉ thị 02/CT-TTg, regulations.md §3) and get better at it.
 *
 * Every seeded document points at a small real PDF with as many blank form pages (200 dpi) under
 * `scans/mau/`, with its true sha256, so `db check` finds every file it expects.
 * Deterministic: its own random stream, so the dossiers themselves are the same as without it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { SqliteDatabase } from '../../../db/connection';
import {
  createDigitizationBulkWriter,
  type SeededDocumentRow,
} from '../../../db/repositories/digitization-bulk-writer';
import type { SeededDossierRow } from '../../../db/repositories/dossiers-repository';
import { PdfWriter } from '../../../native/scanner/pdf/pdf-writer';
import { writeFileDurablySync } from '../shared/durable-file';
import { vnDay } from '../shared/vn-time';
import { createRandom, pick } from './synthetic-citizens';

interface SampleFile {
  file: string;
  sha256: string;
  bytes: number;
  pages: number;
}

const SAMPLE_DIR = ['scans', 'mau'];
const DPI = 200;
const WIDTH = 1654; // A4 at 200 dpi
const HEIGHT = 2339;

/** A blank form page: white, with ruled lines where a form has its fields (1-bit, deflated). */
function formPage(): Uint8Array {
  const rowBytes = Math.ceil(WIDTH / 8);
  const raster = Buffer.alloc(rowBytes * HEIGHT, 0xff);
  for (let y = 300; y < HEIGHT - 300; y += 90) {
    raster.fill(0x00, y * rowBytes + 20, y * rowBytes + rowBytes - 20);
  }
  return deflateSync(raster);
}

/** The sample PDF of `pages` pages, written once (only the sizes in use, so none is orphaned). */
function sampleFile(dataDir: string, now: number, pages: number): SampleFile {
  const relative = [...SAMPLE_DIR, `mau-so-hoa-${pages}-trang.pdf`];
  const path = join(dataDir, ...relative);
  let bytes: Buffer;
  if (existsSync(path)) {
    bytes = readFileSync(path);
  } else {
    const page = formPage();
    const writer = new PdfWriter();
    const chunks = [writer.start()];
    for (let i = 0; i < pages; i++) {
      chunks.push(
        writer.addPage({
          widthPx: WIDTH,
          heightPx: HEIGHT,
          dpi: DPI,
          image: { kind: 'flate', data: page, colorSpace: 'DeviceGray', bitsPerComponent: 1 },
        }),
      );
    }
    chunks.push(writer.finish({ title: `Tai lieu mau ${pages} trang`, createdAt: now }));
    bytes = Buffer.concat(chunks);
    writeFileDurablySync(path, bytes);
  }
  return {
    file: relative.join('/'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    pages,
  };
}

/** Piecewise-linear share by day of receipt. */
function share(points: readonly [string, number][], day: string): number {
  const t = Date.parse(day);
  let previous = points[0]!;
  if (t <= Date.parse(previous[0])) return previous[1];
  for (const point of points.slice(1)) {
    const at = Date.parse(point[0]);
    if (t <= at) {
      const from = Date.parse(previous[0]);
      return previous[1] + ((point[1] - previous[1]) * (t - from)) / (at - from);
    }
    previous = point;
  }
  return previous[1];
}

const COMPONENT_SHARE: [string, number][] = [
  ['2021-01-01', 0.05],
  ['2022-06-01', 0.2],
  ['2023-06-01', 0.6],
  ['2026-06-01', 0.9],
];
const RESULT_SHARE: [string, number][] = [
  ['2021-01-01', 0.03],
  ['2022-06-01', 0.15],
  ['2023-06-01', 0.5],
  ['2026-06-01', 0.85],
];
/** Of the files whose applicant already has a digitized paper, how many reuse it. */
const REUSE_SHARE: [string, number][] = [
  ['2021-01-01', 0.02],
  ['2023-06-01', 0.15],
  ['2026-06-01', 0.45],
];

const COMPONENTS = [
  { key: 'to-khai', label: 'Tờ khai / đơn đề nghị' },
  { key: 'giay-to-tuy-than', label: 'Giấy tờ tùy thân (thẻ căn cước/hộ chiếu)' },
  { key: 'khac', label: 'Giấy tờ khác' },
] as const;
const RESULT = { key: 'ket-qua', label: 'Kết quả giải quyết TTHC' };
const COMPONENT_PAGES = [1, 1, 1, 2, 2, 3, 4, 6];
const RESULT_PAGES = [1, 1, 2];

export function createDemoDigitizer(
  db: SqliteDatabase,
  options: { dataDir: string; seed: number; now: number },
) {
  const random = createRandom((options.seed * 7919 + 17) >>> 0);
  const writer = createDigitizationBulkWriter(db);
  const files = new Map<number, SampleFile>();
  const fileOf = (pages: number): SampleFile => {
    let found = files.get(pages);
    if (!found) files.set(pages, (found = sampleFile(options.dataDir, options.now, pages)));
    return found;
  };
  let nextId = writer.nextDocumentId();
  /** The latest original component of each applicant, for reuse. */
  const latest = new Map<string, SeededDocumentRow>();
  let documents = 0;

  const doc = (
    dossier: SeededDossierRow,
    at: number,
    kind: 'component' | 'result',
    type: { key: string; label: string },
    pages: number,
  ): SeededDocumentRow => {
    const sample = fileOf(pages);
    return {
      id: nextId++,
      dossierCode: dossier.code,
      procedureKey: dossier.procedureKey,
      event: kind === 'component' ? 'component_digitized' : 'result_digitized',
      kind,
      componentType: type.key,
      title: type.label,
      file: sample.file,
      sha256: sample.sha256,
      bytes: sample.bytes,
      pages,
      blankPagesLeftOut: 0,
      dpi: DPI,
      colorMode: 'bw',
      sourceDevice: 'demo',
      reusedFrom: null,
      createdAt: at,
      createdDay: vnDay(at),
      createdBy: 'demo',
    };
  };

  function add(batch: readonly SeededDossierRow[]): void {
    const rows: SeededDocumentRow[] = [];
    for (const dossier of batch) {
      if (dossier.assistedOutcome === 'failed') continue;
      const day = dossier.receivedDay;
      const owner = dossier.citizenIdNumber ?? '';
      const earlier = owner ? latest.get(owner) : undefined;
      let at = dossier.receivedAt + Math.floor((2 + random() * 13) * 60_000);
      // Only what had happened by "now" is in the log.
      if (earlier && random() < share(REUSE_SHARE, day) && at <= options.now) {
        rows.push({
          ...earlier,
          id: nextId++,
          dossierCode: dossier.code,
          procedureKey: dossier.procedureKey,
          event: 'component_reused',
          reusedFrom: earlier.id,
          createdAt: at,
          createdDay: vnDay(at),
        });
      }
      if (random() < share(COMPONENT_SHARE, day)) {
        const count = 1 + (random() < 0.5 ? 1 : 0) + (random() < 0.15 ? 1 : 0);
        for (let i = 0; i < count && at <= options.now; i++) {
          const row = doc(dossier, at, 'component', COMPONENTS[i]!, pick(random, COMPONENT_PAGES));
          rows.push(row);
          if (owner && i === 1) latest.set(owner, row);
          at += 60_000;
        }
      }
      if (
        dossier.status === 'done' &&
        dossier.completedAt !== null &&
        random() < share(RESULT_SHARE, day)
      ) {
        rows.push(doc(dossier, dossier.completedAt, 'result', RESULT, pick(random, RESULT_PAGES)));
      }
    }
    writer.insertMany(rows);
    documents += rows.length;
  }

  return { add, documents: () => documents };
}
