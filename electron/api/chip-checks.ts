/**
 * What the clerk reads about a chip verification: the verdict and each check's reason, Vietnamese
 * first. Pure data, shared by services (messages in the API) and the renderer (English switch).
 */
export const verdictCatalog = {
  genuine: {
    vi: 'Thẻ thật: dữ liệu chip toàn vẹn, do cơ quan cấp thẻ ký và chip không phải bản sao.',
    en: 'Genuine: chip data intact, signed by the issuing authority, and the chip is not a clone.',
  },
  issuer_not_verified: {
    vi: 'Dữ liệu chip toàn vẹn, chưa xác minh được cơ quan cấp (chưa có chứng thư CSCA của Việt Nam trong kho tin cậy).',
    en: 'Chip data intact, issuer not verified (Vietnam’s CSCA certificate is not in the trust store).',
  },
  clone_not_checked: {
    vi: 'Dữ liệu chip do cơ quan cấp ký, nhưng chưa kiểm tra được chip có phải bản sao hay không.',
    en: 'Chip data signed by the issuer, but whether the chip is a clone could not be checked.',
  },
  not_genuine: {
    vi: 'KHÔNG xác thực được: dữ liệu chip bị sửa, chữ ký sai hoặc chip là bản sao. Không dùng dữ liệu này; hãy báo lãnh đạo.',
    en: 'NOT authentic: chip data altered, bad signature, or a cloned chip. Do not use this data; report it.',
  },
  vendor_reported: {
    vi: 'Dữ liệu do đầu đọc của hãng cung cấp; ứng dụng không tự kiểm tra được chữ ký chip.',
    en: 'Data supplied by a vendor reader; the app could not check the chip signature itself.',
  },
} as const;

export type VerdictCode = keyof typeof verdictCatalog;

export const checkNames = {
  DG_HASHES: {
    vi: 'Toàn vẹn dữ liệu (băm DG so với EF.SOD)',
    en: 'Data integrity (DG hashes vs EF.SOD)',
  },
  SOD_SIGNATURE: { vi: 'Chữ ký số của dữ liệu (EF.SOD)', en: 'Data signature (EF.SOD)' },
  ISSUER_TRUST: {
    vi: 'Cơ quan cấp (chuỗi chứng thư tới CSCA)',
    en: 'Issuer (certificate chain to CSCA)',
  },
  CERT_VALIDITY: { vi: 'Hạn của chứng thư', en: 'Certificate validity' },
  CHIP_AUTH: { vi: 'Chống sao chép: xác thực chip (CA)', en: 'Clone check: Chip Authentication' },
  ACTIVE_AUTH: {
    vi: 'Chống sao chép: xác thực chủ động (AA)',
    en: 'Clone check: Active Authentication',
  },
} as const;

export const checkReasons = {
  HASHES_MATCH: {
    vi: 'Mọi nhóm dữ liệu đã đọc khớp giá trị băm đã ký.',
    en: 'Every data group read matches its signed hash.',
  },
  HASH_MISMATCH: {
    vi: 'Có nhóm dữ liệu KHÔNG khớp giá trị băm đã ký: dữ liệu đã bị sửa.',
    en: 'A data group does NOT match its signed hash: the data was altered.',
  },
  HASH_MISSING: {
    vi: 'Có nhóm dữ liệu không được ký trong EF.SOD.',
    en: 'A data group is not covered by EF.SOD.',
  },
  SOD_MISSING: {
    vi: 'Chip không có tệp chữ ký EF.SOD.',
    en: 'The chip has no EF.SOD signature file.',
  },
  SOD_MALFORMED: { vi: 'Tệp chữ ký EF.SOD sai cấu trúc.', en: 'EF.SOD is malformed.' },
  SIGNATURE_VALID: {
    vi: 'Chữ ký của người ký tài liệu (DS) hợp lệ.',
    en: 'The Document Signer’s signature is valid.',
  },
  SIGNATURE_INVALID: {
    vi: 'Chữ ký trên EF.SOD KHÔNG hợp lệ.',
    en: 'The EF.SOD signature is NOT valid.',
  },
  MESSAGE_DIGEST_MISMATCH: {
    vi: 'Giá trị băm trong thuộc tính đã ký không khớp nội dung.',
    en: 'The signed message digest does not match the content.',
  },
  ALGORITHM_UNSUPPORTED: {
    vi: 'Thuật toán chữ ký chưa được hỗ trợ.',
    en: 'Signature algorithm not supported.',
  },
  DS_CERT_MISSING: {
    vi: 'EF.SOD không kèm chứng thư người ký tài liệu.',
    en: 'EF.SOD carries no Document Signer certificate.',
  },
  CSCA_TRUSTED: {
    vi: 'Chứng thư người ký do một CSCA trong kho tin cậy cấp.',
    en: 'The signer certificate was issued by a CSCA in the trust store.',
  },
  CSCA_UNKNOWN: {
    vi: 'Chưa có CSCA của cơ quan cấp trong kho tin cậy (nhập tại Thiết bị → Kho tin cậy).',
    en: 'The issuer’s CSCA is not in the trust store (import it under Devices → Trust store).',
  },
  DS_SIGNATURE_INVALID: {
    vi: 'Chứng thư người ký mang tên CSCA tin cậy nhưng chữ ký KHÔNG hợp lệ (giả mạo).',
    en: 'The signer certificate names a trusted CSCA but its signature is NOT valid (forged).',
  },
  CERTS_VALID: {
    vi: 'Các chứng thư còn hiệu lực.',
    en: 'The certificates are within their validity.',
  },
  CERT_OUTSIDE_VALIDITY: {
    vi: 'Có chứng thư đã hết hạn hoặc chưa có hiệu lực (thẻ có thể đã hết hạn).',
    en: 'A certificate is expired or not yet valid (the card may be expired).',
  },
  CA_PASSED: {
    vi: 'Chip chứng minh có khóa bí mật của thẻ thật.',
    en: 'The chip proved it holds the genuine card’s private key.',
  },
  CA_NOT_OFFERED: {
    vi: 'Chip không cung cấp xác thực chip (không có DG14).',
    en: 'The chip offers no Chip Authentication (no DG14).',
  },
  CA_REFUSED: {
    vi: 'Chip từ chối xác thực chip dù DG14 khai báo hỗ trợ: nghi bản sao.',
    en: 'The chip refused Chip Authentication though DG14 offers it: suspected clone.',
  },
  CA_SM_BROKEN: {
    vi: 'Chip không trả lời được bằng khóa mới sau xác thực chip: là bản sao.',
    en: 'The chip could not answer under the new keys after Chip Authentication: a clone.',
  },
  AA_SIGNATURE_VALID: {
    vi: 'Chip ký đúng thử thách ngẫu nhiên bằng khóa của DG15.',
    en: 'The chip signed our random challenge with the DG15 key.',
  },
  AA_SIGNATURE_INVALID: {
    vi: 'Chữ ký xác thực chủ động KHÔNG hợp lệ: nghi bản sao.',
    en: 'The Active Authentication signature is NOT valid: suspected clone.',
  },
  AA_REFUSED: {
    vi: 'Chip từ chối xác thực chủ động dù có DG15.',
    en: 'The chip refused Active Authentication though it has DG15.',
  },
  AA_NOT_OFFERED: {
    vi: 'Chip không có xác thực chủ động (không có DG15).',
    en: 'The chip has no Active Authentication (no DG15).',
  },
  AA_KEY_UNREADABLE: {
    vi: 'Không đọc được khóa công khai trong DG15.',
    en: 'The DG15 public key could not be read.',
  },
  VENDOR_INTEGRITY_OK: {
    vi: 'Đầu đọc của hãng báo dữ liệu toàn vẹn.',
    en: 'The vendor reader reports the data intact.',
  },
  VENDOR_INTEGRITY_FAILED: {
    vi: 'Đầu đọc của hãng báo dữ liệu KHÔNG toàn vẹn.',
    en: 'The vendor reader reports the data NOT intact.',
  },
  VENDOR_NOT_REPORTED: {
    vi: 'Đầu đọc của hãng không gửi kết quả kiểm tra.',
    en: 'The vendor reader sent no check result.',
  },
} as const;

export type CheckReason = keyof typeof checkReasons;
