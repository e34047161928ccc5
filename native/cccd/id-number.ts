/**
 * The 12-digit personal identification number: PPP G YY RRRRRR
 * (NĐ 137/2015/NĐ-CP Art. 13; code tables in Thông tư 07/2016/TT-BCA Art. 7 and its appendix).
 * There is no check digit, so only structure and consistency with the card's other fields can be
 * checked.
 */

/** Birth-registration province codes of the TT 07/2016 appendix (63 provinces, 001–096 with gaps). */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'TP. Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

const ID_PATTERN = /^\d{12}$/;

export function isIdNumberShape(value: string): boolean {
  return ID_PATTERN.test(value);
}

export interface IdNumberFacts {
  provinceCode: string;
  /** null when the prefix is not in the TT 07/2016 list (e.g. a post-2025 code). */
  provinceName: string | null;
  /** Year of birth encoded by the century digit G and YY: 1900 + 100·⌊G/2⌋ + YY. */
  birthYear: number;
  /** Even G = male, odd G = female. */
  sex: 'male' | 'female';
}

export function describeIdNumber(id: string): IdNumberFacts {
  const provinceCode = id.slice(0, 3);
  const g = id.charCodeAt(3) - 48;
  const yy = Number(id.slice(4, 6));
  return {
    provinceCode,
    provinceName: PROVINCE_CODES[provinceCode] ?? null,
    birthYear: 1900 + 100 * Math.floor(g / 2) + yy,
    sex: g % 2 === 0 ? 'male' : 'female',
  };
}

/** "079203000123" → "0792******23": enough to recognise, not enough to misuse. */
export function maskIdNumber(id: string): string {
  if (id.length <= 6) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 6) + id.slice(-2);
}
