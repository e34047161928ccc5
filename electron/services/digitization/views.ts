/** Database rows → what crosses the contract (ISO times, booleans, messages). */
import type { DocumentRow } from '../../../db/repositories/digitization-repository';
import type { DraftPageRow, DraftRow } from '../../../db/repositories/scan-drafts-repository';
import type { DigitizedDocument, ScanDraft } from '../../api/calls/digitization';
import { errorMessage, isErrorCode } from '../../api/errors';
import type { DraftSettings } from './scan-sessions';

export function draftView(row: DraftRow, pages: DraftPageRow[]): ScanDraft {
  const settings = JSON.parse(row.settings) as DraftSettings;
  return {
    id: row.id,
    dossierCode: row.dossierCode,
    deviceUri: row.deviceUri,
    settings,
    state: row.state,
    errorCode: row.errorCode,
    errorMessage: row.errorCode && isErrorCode(row.errorCode) ? errorMessage(row.errorCode) : null,
    createdAt: new Date(row.createdAt).toISOString(),
    pages: pages.map((p) => ({
      seq: p.seq,
      kind: p.kind,
      width: p.width,
      height: p.height,
      dpi: p.dpi,
      inkCoverage: Math.round(p.inkCoverage * 100_000) / 100_000,
      blank: p.blank === 1,
      keep: p.keep === 1,
      rotation: p.rotation,
      skew: p.skew,
    })),
    keptPages: pages.filter((p) => p.keep === 1).length,
  };
}

export function documentView(row: DocumentRow): DigitizedDocument {
  return {
    id: row.id,
    dossierCode: row.dossierCode,
    kind: row.kind,
    componentType: row.componentType,
    title: row.title,
    pages: row.pages,
    blankPagesLeftOut: row.blankPagesLeftOut,
    dpi: row.dpi,
    colorMode: row.colorMode,
    sha256: row.sha256,
    bytes: row.bytes,
    sourceDevice: row.sourceDevice,
    reusedFrom: row.reusedFrom,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
