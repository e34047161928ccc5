/**
 * Records pushed as JSON by vendor chip readers (cccd-formats.md §5): the HN-212 ("3T G2")
 * Socket.IO events (id 2 text fields, id 4 raw base64 data groups + SOD), "CICClient"-style HTTP
 * POSTs (personalData + validation + session) and kiosk WebSocket CARD_RESULT events. Field names
 * come from public integration notes [D1][D2][D3], not from a device on this desk: the mapper is
 * tolerant (several spellings, any field may be absent) and keeps raw files for our own checks.
 */

export type VendorFormat = 'hn212' | 'cicclient' | 'websocket';

export interface VendorRecord {
  fields: {
    idNumber: string | null;
    oldIdNumber: string | null;
    fullName: string | null;
    dateOfBirth: string | null;
    sex: string | null;
    nationality: string | null;
    ethnicity: string | null;
    religion: string | null;
    hometown: string | null;
    residence: string | null;
    identifyingMarks: string | null;
    issueDate: string | null;
    expiryDate: string | null;
    fatherName: string | null;
    motherName: string | null;
    spouseName: string | null;
  };
  /** Raw chip files when the device forwards them (HN-212 event 4): DG number or "SOD" → bytes. */
  files: Map<number | 'SOD', Buffer>;
  photoJpeg: Buffer | null;
  vendorChecks: { integrity: boolean | null; legitimacy: boolean | null };
  device: string | null;
}

export class VendorPayloadError extends Error {
  readonly code = 'VENDOR_PAYLOAD_INVALID';
  constructor(readonly details: Record<string, unknown>) {
    super('VENDOR_PAYLOAD_INVALID');
  }
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pick(obj: Json, ...names: string[]): string | null {
  for (const name of names) {
    const v = obj[name];
    if (typeof v === 'string' && v.trim() !== '') return v.trim().normalize('NFC');
    if (typeof v === 'number') return String(v);
  }
  return null;
}

const BASE64 = /^[A-Za-z0-9+/=\s]+$/;

function base64(value: unknown): Buffer | null {
  if (typeof value !== 'string' || value.length === 0) return null;
  const clean = value.replace(/^data:[^,]*,/, '');
  if (!BASE64.test(clean)) return null;
  const bytes = Buffer.from(clean, 'base64');
  return bytes.length > 0 ? bytes : null;
}

function textFields(o: Json): VendorRecord['fields'] {
  return {
    idNumber: pick(o, 'idCode', 'personalNumber', 'eid', 'idNumber', 'soCCCD'),
    oldIdNumber: pick(o, 'oldIdCode', 'oldIdNumber', 'oldId', 'soCMND'),
    fullName: pick(o, 'personName', 'fullName', 'name', 'hoTen'),
    dateOfBirth: pick(o, 'dateOfBirth', 'dob', 'birthDate', 'ngaySinh'),
    sex: pick(o, 'gender', 'sex', 'gioiTinh'),
    nationality: pick(o, 'nationality', 'quocTich'),
    ethnicity: pick(o, 'race', 'ethnic', 'ethnicity', 'danToc'),
    religion: pick(o, 'religion', 'tonGiao'),
    hometown: pick(o, 'originPlace', 'placeOfOrigin', 'hometown', 'queQuan'),
    residence: pick(
      o,
      'residencePlace',
      'placeOfResidence',
      'residence',
      'address',
      'noiThuongTru',
    ),
    identifyingMarks: pick(o, 'personalIdentification', 'identifyingMarks', 'dacDiemNhanDang'),
    issueDate: pick(o, 'issueDate', 'dateOfIssue', 'ngayCap'),
    expiryDate: pick(o, 'expiryDate', 'dateOfExpiry', 'expireDate', 'ngayHetHan'),
    fatherName: pick(o, 'fatherName', 'father'),
    motherName: pick(o, 'motherName', 'mother'),
    spouseName: pick(o, 'wifeName', 'spouseName', 'husbandName', 'spouse'),
  };
}

function flag(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string')
    return /^(true|ok|pass|valid|success|1)$/i.test(v)
      ? true
      : /^(false|fail|invalid|0)$/i.test(v)
        ? false
        : null;
  if (isObject(v)) return flag(v.result ?? v.status ?? v.valid);
  return null;
}

const DG_KEYS: Record<string, number | 'SOD'> = {
  dg1: 1,
  dg2: 2,
  dg13: 13,
  dg14: 14,
  dg15: 15,
  sod: 'SOD',
};

function rawFiles(o: Json): Map<number | 'SOD', Buffer> {
  const files = new Map<number | 'SOD', Buffer>();
  for (const [key, value] of Object.entries(o)) {
    const id = DG_KEYS[key.toLowerCase().replace(/[^a-z0-9]/g, '')];
    const bytes = id === undefined ? null : base64(value);
    if (id !== undefined && bytes) files.set(id, bytes);
  }
  return files;
}

function nonEmpty(record: VendorRecord): VendorRecord {
  const hasText = Object.values(record.fields).some((v) => v !== null);
  if (!hasText && record.files.size === 0)
    throw new VendorPayloadError({ reason: 'no citizen data' });
  return record;
}

/** HN-212: `{ id: 2, data: {...text} }`, `{ id: 4, data: { DG2, DG13, DG14, DG15, SOD, photo } }`, or both merged. */
function hn212(payload: Json): VendorRecord {
  const events = Array.isArray(payload.events) ? payload.events.filter(isObject) : [payload];
  const merged: Json = {};
  let raw: Json = {};
  for (const e of events) {
    const data = isObject(e.data) ? e.data : e;
    if (e.id === 3 || e.id === '3')
      throw new VendorPayloadError({
        reason: 'device reported an error',
        message: pick(data, 'message', 'error'),
      });
    if (e.id === 4 || e.id === '4') raw = { ...raw, ...data };
    else Object.assign(merged, data);
  }
  return nonEmpty({
    fields: textFields(merged),
    files: rawFiles(raw),
    photoJpeg: base64(raw.photo ?? raw.image ?? merged.photo),
    vendorChecks: { integrity: null, legitimacy: null },
    device: pick(merged, 'serial', 'deviceSerial', 'device'),
  });
}

function cicclient(payload: Json): VendorRecord {
  const personal = isObject(payload.personalData) ? payload.personalData : payload;
  const validation = isObject(payload.validation) ? payload.validation : {};
  const session = isObject(payload.session) ? payload.session : {};
  return nonEmpty({
    fields: textFields(personal),
    files: rawFiles(isObject(personal.raw) ? personal.raw : personal),
    photoJpeg: base64(personal.faceImage ?? personal.photo ?? personal.image),
    vendorChecks: {
      integrity: flag(validation.cardIntegrityResult ?? validation.integrity),
      legitimacy: flag(validation.cardLegitimacyResult ?? validation.legitimacy),
    },
    device: pick(session, 'deviceName', 'deviceSerial', 'serial'),
  });
}

/** Kiosk WebSocket: `{ event: 'CARD_RESULT', data: {...} }`; EMPTY/FAILURE are not records. */
function websocket(payload: Json): VendorRecord {
  const event = pick(payload, 'event', 'type');
  if (event && event.toUpperCase() !== 'CARD_RESULT')
    throw new VendorPayloadError({ reason: 'not a card result', event });
  const data = isObject(payload.data) ? payload.data : payload;
  return nonEmpty({
    fields: textFields(data),
    files: rawFiles(data),
    photoJpeg: base64(data.photo ?? data.faceImage ?? data.image),
    vendorChecks: { integrity: flag(data.integrity), legitimacy: flag(data.legitimacy) },
    device: pick(data, 'device', 'deviceName'),
  });
}

export function parseVendorPayload(format: VendorFormat, payload: unknown): VendorRecord {
  let value = payload;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      throw new VendorPayloadError({ reason: 'not JSON' });
    }
  }
  if (!isObject(value)) throw new VendorPayloadError({ reason: 'not an object' });
  switch (format) {
    case 'hn212':
      return hn212(value);
    case 'cicclient':
      return cicclient(value);
    case 'websocket':
      return websocket(value);
  }
}
