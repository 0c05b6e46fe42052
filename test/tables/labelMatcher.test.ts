import { defaultPack } from '../../src/packs/builtinPacks';
import { LabelMatcher } from '../../src/tables/labelMatcher';

const matcher = new LabelMatcher(defaultPack());
const id = (label: string, ctx = {}) => {
  const m = matcher.match(label, ctx);
  return m.kind === 'indicator' ? m.indicator : m.kind;
};

describe('LabelMatcher (default pack catalogue)', () => {
  it('matches labels ignoring case, accents, punctuation and Unicode form', () => {
    expect(id('Số vụ phạm pháp hình sự')).toBe('criminal-cases');
    expect(id('SỐ VỤ PHẠM PHÁP HÌNH SỰ')).toBe('criminal-cases');
    expect(id('So vu pham phap hinh su')).toBe('criminal-cases');
    expect(id('Số vụ phạm pháp hình sự'.normalize('NFD'))).toBe('criminal-cases');
    expect(id('Số  vụ   phạm-pháp hình sự.')).toBe('criminal-cases');
  });

  it('expands abbreviations', () => {
    expect(id('Số vụ PPHS')).toBe('criminal-cases');
    expect(id('Số người chết do TNGT')).toBe('traffic-deaths');
  });

  it('reads a sub-row in the context of its parent row', () => {
    expect(id('Đã điều tra khám phá', { parent: 'criminal-cases' })).toBe('criminal-cases-cleared');
    expect(id('Đã điều tra khám phá', { parent: 'serious-cases' })).toBe('serious-cases-cleared');
    expect(id('Đã điều tra khám phá')).toBe('none');
  });

  it('reads a full label that names parent and sub-item', () => {
    expect(id('Số vụ phạm pháp hình sự đã điều tra khám phá')).toBe('criminal-cases-cleared');
    expect(id('Án rất nghiêm trọng, đặc biệt nghiêm trọng đã khám phá')).toBe('serious-cases-cleared');
    expect(id('Án nghiêm trọng và đặc biệt nghiêm trọng')).toBe('serious-cases');
  });

  it('reads a label in the context of its section', () => {
    expect(id('Số người chết', { section: 'TAI NẠN GIAO THÔNG' })).toBe('traffic-deaths');
    expect(id('Số người chết', { section: 'CHÁY, NỔ' })).toBe('none');
    expect(id('Giá trị tài sản đã thu hồi', { section: 'TỘI PHẠM VỀ THAM NHŨNG' })).toBe('corruption-assets-recovered');
  });

  it('knows synonyms of the same indicator', () => {
    expect(id('Tin báo, tố giác tội phạm và kiến nghị khởi tố đã tiếp nhận')).toBe('crime-reports-received');
    expect(id('Tin báo tiếp nhận')).toBe('crime-reports-received');
    expect(id('Số tin báo, tố giác tội phạm đã giải quyết')).toBe('crime-reports-resolved');
    expect(id('Tài sản bị chiếm đoạt, thất thoát trong các vụ án tham nhũng')).toBe('corruption-assets-lost');
    expect(id('Tài sản thiệt hại trong các vụ án tham nhũng')).toBe('corruption-assets-lost');
  });

  it('does not take a rate row for the count it is a rate of', () => {
    expect(id('Tỷ lệ điều tra khám phá án phạm pháp hình sự (%)')).toBe('none');
  });
});
