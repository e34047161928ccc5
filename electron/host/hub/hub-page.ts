/**
 * The upper level's page: totals by office and by procedure for a period, the offices that have
 * not reported, and each office's last sync. Server-rendered, no script: it must open on any
 * browser of a province office, and its CSP allows nothing but its own inline style.
 */
import type { OfficeReport, TotalsRow } from '../../services/hub/hub-admin';

export const HUB_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

const esc = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
const num = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
const day = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
/** dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh (UTC+7 all year). */
const time = (iso: string | null) => {
  if (iso === null) return 'chưa bao giờ';
  const t = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`;
};

function received(r: TotalsRow): number {
  return r.receivedInPerson + r.receivedOnlineAssisted + r.receivedPostal;
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`;
}

const HEAD = `<tr><th>Tiếp nhận</th><th>Trực tiếp</th><th>Trực tuyến (hỗ trợ)</th><th>Bưu chính</th>
<th>Nộp hộ thành công</th><th>Nộp hộ lỗi</th><th>Đã giải quyết</th><th>Đúng hạn</th>
<th>TPHS số hóa</th><th>KQ số hóa</th><th>Tái sử dụng</th><th>Số trang</th></tr>`;

function figures(r: TotalsRow): string {
  const cells = [
    received(r),
    r.receivedInPerson,
    r.receivedOnlineAssisted,
    r.receivedPostal,
    r.assistedSubmitted,
    r.assistedFailed,
    r.completed,
  ].map((n) => `<td class="n">${num(n)}</td>`);
  cells.push(
    `<td class="n">${num(r.completedOnTime)} (${pct(r.completedOnTime, r.completed)})</td>`,
  );
  for (const n of [r.digitizedComponents, r.digitizedResults, r.reused, r.pages])
    cells.push(`<td class="n">${num(n)}</td>`);
  return cells.join('');
}

function table(
  title: string,
  label: string,
  rows: TotalsRow[],
  name: (r: TotalsRow) => string,
  id: string,
) {
  if (rows.length === 0) return `<h2>${title}</h2><p class="muted">Không có số liệu trong kỳ.</p>`;
  const head = HEAD.replace('<tr>', `<tr><th>${label}</th>`);
  const body = rows
    .map((r) => `<tr data-key="${esc(name(r))}"><td>${esc(name(r))}</td>${figures(r)}</tr>`)
    .join('');
  return `<h2>${title}</h2><table id="${id}"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

export interface HubPageData {
  hubName: string;
  from: string;
  to: string;
  total: TotalsRow | null;
  byOffice: TotalsRow[];
  byProcedure: TotalsRow[];
  offices: OfficeReport[];
  procedureNames: ReadonlyMap<string, string>;
}

export function renderHubPage(d: HubPageData): string {
  const missing = d.offices.filter((o) => o.reported === false);
  const officeName = new Map(d.offices.map((o) => [o.code, o.name]));
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Tổng hợp số liệu — ${esc(d.hubName || 'Máy chủ đồng bộ')}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;color:#1f2937}table{border-collapse:collapse;margin:8px 0 24px;font-size:14px}
th,td{border:1px solid #d1d5db;padding:4px 8px}td.n{white-space:nowrap}th{background:#f3f4f6}td.n{text-align:right}.muted{color:#6b7280}
.warn{color:#b45309}form{margin:12px 0}</style></head><body>
<h1>Tổng hợp số liệu một cửa — ${esc(d.hubName || 'Máy chủ đồng bộ')}</h1>
<form method="get" action="/"><label>Từ ngày <input type="date" name="from" value="${d.from}"></label>
<label>đến ngày <input type="date" name="to" value="${d.to}"></label> <button type="submit">Xem</button></form>
<p>Kỳ: ${day(d.from)} – ${day(d.to)}. Tổng tiếp nhận: <strong id="total-received">${num(d.total ? received(d.total) : 0)}</strong>;
đã giải quyết: <strong>${num(d.total?.completed ?? 0)}</strong>.</p>
${table('Theo cơ quan', 'Cơ quan', d.byOffice, (r) => `${r.office ?? ''}${officeName.get(r.office ?? '') ? ` — ${officeName.get(r.office ?? '')}` : ''}`, 'by-office')}
${table('Theo thủ tục', 'Thủ tục', d.byProcedure, (r) => d.procedureNames.get(r.procedure ?? '') ?? r.procedure ?? '', 'by-procedure')}
<h2>Cơ quan chưa báo cáo đủ cho kỳ này</h2>
${
  missing.length === 0
    ? '<p>Tất cả cơ quan đã gửi đủ số liệu.</p>'
    : `<ul id="not-reported">${missing.map((o) => `<li class="warn" data-code="${esc(o.code)}">${esc(o.code)} ${esc(o.name)} — lần đồng bộ cuối: ${time(o.lastSyncAt)}</li>`).join('')}</ul>`
}
<h2>Lần đồng bộ cuối của từng cơ quan</h2>
<table id="offices"><thead><tr><th>Mã</th><th>Tên</th><th>Trạng thái khóa</th><th>Đồng bộ cuối</th><th>Gửi đủ lúc</th><th>Số lô</th></tr></thead><tbody>
${d.offices.map((o) => `<tr data-code="${esc(o.code)}"><td>${esc(o.code)}</td><td>${esc(o.name)}</td><td>${o.status === 'active' ? 'đang dùng' : o.status === 'revoked' ? 'đã thu hồi' : 'chờ đăng ký'}</td><td>${time(o.lastSyncAt)}</td><td>${time(o.lastCompleteAt)}</td><td class="n">${num(o.batches)}</td></tr>`).join('')}
</tbody></table>
<p class="muted">Chỉ có số đếm; máy chủ không nhận tên, số định danh hay địa chỉ của công dân.</p>
</body></html>`;
}
