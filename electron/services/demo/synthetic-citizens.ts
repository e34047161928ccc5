/**
 * Synthetic citizens for demos, screenshots and benchmarks. Deterministic from a seed; names are
 * common Vietnamese names put together at random, ID numbers follow the real structure
 * (province · century/sex · year · 6 digits) and addresses say they are sample data.
 */
import { PROVINCE_CODES } from '../../../native/cccd/id-number';

export interface SyntheticCitizen {
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  address: string;
  issueDate: string;
}

/** mulberry32: tiny, fast, good enough for sample data; not for anything secret. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MALE_MIDDLE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Gia', 'Thành', 'Công'];
const FEMALE_MIDDLE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Mỹ', 'Bích', 'Hồng'];
const MALE_GIVEN = [
  'An',
  'Bình',
  'Dũng',
  'Đạt',
  'Hải',
  'Hiếu',
  'Hùng',
  'Khánh',
  'Long',
  'Minh',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Tuấn',
  'Việt',
];
const FEMALE_GIVEN = [
  'Anh',
  'Châu',
  'Giang',
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Nga',
  'Ngọc',
  'Phương',
  'Thảo',
  'Trang',
  'Yến',
];
const STREETS = [
  'Lê Lợi',
  'Trần Hưng Đạo',
  'Nguyễn Trãi',
  'Hai Bà Trưng',
  'Quang Trung',
  'Lý Thường Kiệt',
  'Bạch Đằng',
  'Hùng Vương',
];
const PROVINCES = Object.keys(PROVINCE_CODES);

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Century/sex digit of NĐ 137/2015 Art. 13: 0/1 for the 1900s, 2/3 for the 2000s; odd = female. */
function centuryDigit(year: number, sex: 'male' | 'female'): number {
  return 2 * Math.floor((year - 1900) / 100) + (sex === 'female' ? 1 : 0);
}

/** Citizen number `index` of a sample population; the same index always yields the same person. */
export function syntheticCitizen(
  random: () => number,
  index: number,
  today: string,
): SyntheticCitizen {
  const sex = random() < 0.5 ? 'male' : 'female';
  const maxYear = Math.min(Number(today.slice(0, 4)) - 14, 2011);
  const year = 1940 + Math.floor(random() * (maxYear - 1940 + 1));
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const province = pick(random, PROVINCES);
  // 7919 is prime and coprime with 10^6, so index → serial is a bijection below a million:
  // no two citizens of one sample population share a number.
  const serial = (index * 7919) % 1_000_000;
  const idNumber = `${province}${centuryDigit(year, sex)}${pad(year % 100, 2)}${pad(serial, 6)}`;
  const middle = pick(random, sex === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE);
  const given = pick(random, sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  // Chip cards were issued from 2021; a child gets one at 14 at the earliest.
  const issueYear = Math.min(Math.max(2021, year + 14), Number(today.slice(0, 4)));
  const issued = isoDate(issueYear, 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28));
  return {
    idNumber,
    oldIdNumber: year < 2000 && random() < 0.6 ? pad(Math.floor(random() * 1e9), 9) : null,
    fullName: `${pick(random, SURNAMES)} ${middle} ${given}`,
    dateOfBirth: isoDate(year, month, day),
    sex,
    address: `Số ${1 + Math.floor(random() * 200)} đường ${pick(random, STREETS)}, Phường Mẫu ${1 + Math.floor(random() * 9)} (dữ liệu mẫu)`,
    issueDate: issued > today ? today : issued,
  };
}
