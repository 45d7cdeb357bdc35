import { type Site, SiteDirectory, VaccineDirectory } from './reference-directories';
import type { ValidationContext } from './row-validation';

export const SITES: Site[] = [
  { id: 'LC-TD-01', name: 'Trạm Y tế xã Bình Lư', commune: 'Xã Bình Lư', district: 'Tam Đường' },
  { id: 'LC-TD-02', name: 'Trung tâm Y tế huyện Tam Đường', commune: 'Thị trấn Tam Đường', district: 'Tam Đường' },
  { id: 'LC-PT-01', name: 'Trạm Y tế xã Mường So', commune: 'Xã Mường So', district: 'Phong Thổ' },
];

export const context: ValidationContext = {
  dateOrder: 'dmy',
  today: '2021-12-01',
  firstVaccinationDay: '2021-03-01',
  vaccines: new VaccineDirectory([
    { code: 'AZD1222', aliases: ['AstraZeneca', 'Astra'] },
    { code: 'VEROCELL', aliases: ['Vero Cell', 'Sinopharm'] },
  ]),
  sites: new SiteDirectory(SITES),
};

export const HEADERS = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Số CCCD/CMND',
  'Số điện thoại',
  'Địa chỉ',
  'Tên vắc xin',
  'Số lô',
  'Ngày tiêm',
  'Mũi tiêm',
  'Cơ sở tiêm chủng',
];

/** A row of a site's list in the header order above, with fields replaced as a test needs. */
export function listRow(over: Partial<Record<(typeof HEADERS)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    STT: '1',
    'Họ và tên': 'Lò Văn Hùng',
    'Ngày sinh': '05/03/1990',
    'Giới tính': 'Nam',
    'Số CCCD/CMND': '012090123456',
    'Số điện thoại': '0912345678',
    'Địa chỉ': 'Bản Nà Khum, Xã Bình Lư',
    'Tên vắc xin': 'AstraZeneca',
    'Số lô': 'ABV5811',
    'Ngày tiêm': '12/08/2021',
    'Mũi tiêm': 'Mũi 1',
    'Cơ sở tiêm chủng': 'Trạm Y tế xã Bình Lư',
    ...over,
  };
  return HEADERS.map((h) => base[h]);
}
