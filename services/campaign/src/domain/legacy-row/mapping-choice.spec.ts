import standardFile from '../../../mappings/legacy-list.vi.json';
import { MappingRejected } from './column-mapping';
import { chooseMapping } from './mapping-choice';

const presets = new Map<string, unknown>([['legacy-list.vi', standardFile]]);

const problemsOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof MappingRejected) return error.problems.map((p) => `${p.field}:${p.rule}`);
    throw error;
  }
  throw new Error('no problem raised');
};

describe('the mapping an upload asks for', () => {
  it('is a prepared mapping by its name', () => {
    const mapping = chooseMapping({ preset: 'legacy-list.vi' }, presets);
    expect(mapping.columns['Họ và tên']).toBe('fullName');
    expect(mapping.dateOrder).toBe('dmy');
  });

  it('or a JSON mapping of its own, read by the command line rules', () => {
    const columns = {
      Ten: 'fullName',
      NgaySinh: 'dateOfBirth',
      CCCD: 'idNumber',
      NgayTiem: 'administeredOn',
      Noi: 'site',
    };
    const mapping = chooseMapping({ mapping: JSON.stringify({ columns, dateOrder: 'mdy' }) }, presets);
    expect(mapping.dateOrder).toBe('mdy');
    expect(mapping.columns.Ten).toBe('fullName');
  });

  it('is refused when neither or both are given', () => {
    expect(problemsOf(() => chooseMapping({}, presets))).toEqual(['mapping:oneOf']);
    expect(problemsOf(() => chooseMapping({ preset: 'legacy-list.vi', mapping: '{}' }, presets))).toEqual([
      'mapping:oneOf',
    ]);
  });

  it('names an unknown preset', () => {
    expect(problemsOf(() => chooseMapping({ preset: 'nope' }, presets))).toEqual(['preset:known']);
  });

  it('names JSON that does not parse', () => {
    expect(problemsOf(() => chooseMapping({ mapping: '{columns:' }, presets))).toEqual(['mapping:json']);
  });

  it("names each broken rule of the mapping under 'mapping.'", () => {
    const bad = { columns: { 'Họ và tên': 'fullName', Tuoi: 'age' }, dateOrder: 'ymd' };
    const problems = problemsOf(() => chooseMapping({ mapping: JSON.stringify(bad) }, presets));
    expect(problems).toContain('mapping.columns.Tuoi:knownField');
    expect(problems).toContain('mapping.dateOrder:oneOf');
    expect(problems.some((p) => p.endsWith(':mapped'))).toBe(true);
  });
});
