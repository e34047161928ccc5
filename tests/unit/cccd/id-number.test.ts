import { describe, expect, it } from 'vitest';
import { describeIdNumber, maskIdNumber, PROVINCE_CODES } from '../../../native/cccd/id-number';

describe('personal ID number (NĐ 137/2015 Art. 13)', () => {
  it('lists the 63 pre-2025 province codes of TT 07/2016, with Bắc Giang as 024', () => {
    expect(Object.keys(PROVINCE_CODES)).toHaveLength(63);
    expect(PROVINCE_CODES['024']).toBe('Bắc Giang');
    expect(PROVINCE_CODES['023']).toBeUndefined();
  });

  it.each([
    [
      '079203000123',
      { provinceCode: '079', provinceName: 'TP. Hồ Chí Minh', birthYear: 2003, sex: 'male' },
    ],
    [
      '001190012345',
      { provinceCode: '001', provinceName: 'Hà Nội', birthYear: 1990, sex: 'female' },
    ],
    [
      '022399000001',
      { provinceCode: '022', provinceName: 'Quảng Ninh', birthYear: 2099, sex: 'female' },
    ],
    ['099400000001', { provinceCode: '099', provinceName: null, birthYear: 2100, sex: 'male' }],
  ])('describes %s', (id, facts) => {
    expect(describeIdNumber(id)).toEqual(facts);
  });

  it('masks all but the province and the last two digits', () => {
    expect(maskIdNumber('079203000123')).toBe('0792******23');
    expect(maskIdNumber('12345')).toBe('*****');
  });
});
