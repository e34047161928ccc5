import type { ReportProfileInput } from '../../api/report-schemas';

/** Both are monthly reports of the commune People's Committee, signed for it by the chairman. */
const COMMUNE_MONTHLY = {
  numberSymbol: 'BC-UBND',
  parentAgency: '',
  issuer: '',
  signerAuthority: 'TM. ỦY BAN NHÂN DÂN',
  signerTitle: 'CHỦ TỊCH',
  signerName: '',
  frequency: 'month',
} as const satisfies Partial<ReportProfileInput>;

/**
 * The two reports a commune desk sends every month, as starting profiles the office edits
 * (recipients, signer, deadline). Loaded into a database that has no profile yet.
 */
export const BUILTIN_PROFILES: readonly { key: string; profile: ReportProfileInput }[] = [
  {
    // The month's figures for the commune leadership: totals with their formulas, charts,
    // commentary, and the 25 procedures as an appendix.
    key: 'lanh-dao-thang',
    profile: {
      name: 'Báo cáo tháng gửi lãnh đạo UBND',
      title:
        'Kết quả tiếp nhận, giải quyết thủ tục hành chính và số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
      sections: ['summary', 'charts', 'commentary', 'procedures'],
      recipients: [
        'Thường trực Đảng ủy',
        'Thường trực HĐND',
        'Chủ tịch, các Phó Chủ tịch UBND',
        'Văn phòng HĐND và UBND',
      ],
      filing: 'VT, BPMC',
      ...COMMUNE_MONTHLY,
      deadlineDay: 5,
    },
  },
  {
    // The province's Đề án 06 monthly template (regulations.md §4, Tuyên Quang example): per
    // service — total, online, rate, data sources, beneficiaries, problems, solutions. Provincial
    // plans ask for it "định kỳ trước ngày 18 hàng tháng" (KH Trà Vinh 2023, shared/seeds/002),
    // hence the 17th; each province sets its own day.
    key: 'de-an-06-thang',
    profile: {
      name: 'Đề án 06 – báo cáo tháng gửi Tổ công tác tỉnh',
      title: 'Kết quả triển khai Đề án 06 đối với 25 dịch vụ công thiết yếu',
      sections: ['deAn06', 'summary', 'commentary'],
      recipients: [
        'Tổ Công tác triển khai Đề án 06 tỉnh (qua Công an tỉnh)',
        'Thường trực Đảng ủy',
        'Chủ tịch UBND',
      ],
      filing: 'VT, CAX',
      ...COMMUNE_MONTHLY,
      deadlineDay: 17,
    },
  },
];
