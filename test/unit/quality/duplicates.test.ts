import { describe, expect, it } from 'vitest';
import { findDuplicateCustomers, type CustomerIdentity } from '../../../core/quality/duplicates';
import { editDistance } from '../../../core/quality/edit-distance';

describe('editDistance', () => {
  it('counts edits and adjacent transpositions', () => {
    expect(editDistance('traders', 'traders')).toBe(0);
    expect(editDistance('traders', 'trader')).toBe(1);
    expect(editDistance('traders', 'tradres')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops at the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('findDuplicateCustomers', () => {
  it('groups drafts with the same GSTIN', () => {
    const drafts: CustomerIdentity[] = [
      { name: 'Alpha Industries', gstin: '06YEJPC4195F1ZY' },
      { name: 'Alfa Inds', gstin: '06yejpc4195f1zy' },
      { name: 'Beta Works' },
    ];
    const groups = findDuplicateCustomers(drafts);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.reasons).toEqual(['gstin', 'pan']);
    expect(groups[0]?.value).toBe('06YEJPC4195F1ZY');
    expect(groups[0]?.members.map((member) => member.index)).toEqual([0, 1]);
    expect(groups[0]?.message).toMatch(/"Alpha Industries", "Alfa Inds" may be duplicates/);
  });

  it('links a PAN to the PAN inside a GSTIN', () => {
    const groups = findDuplicateCustomers([
      { name: 'Gamma Haryana', gstin: '06YEJPC4195F1ZY' },
      { name: 'Gamma Head Office', pan: 'YEJPC4195F' },
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.reasons).toEqual(['pan']);
  });

  it('matches normalized e-mail and phone', () => {
    const groups = findDuplicateCustomers([
      { name: 'One', contacts: [{ kind: 'email', value: 'Accounts@Example.com' }] },
      { name: 'Two', contacts: [{ kind: 'email', value: 'accounts@example.com' }, { kind: 'phone', value: '99999 00002' }] },
      { name: 'Three', contacts: [{ kind: 'phone', value: '+91-9999900002' }] },
    ]);
    const reasons = groups.map((group) => group.reasons[0]).sort();
    expect(reasons).toEqual(['email', 'phone']);
    const phoneGroup = groups.find((group) => group.reasons[0] === 'phone');
    expect(phoneGroup?.value).toBe('+919999900002');
    expect(phoneGroup?.members.map((member) => member.name)).toEqual(['Two', 'Three']);
  });

  it('matches names by name key', () => {
    const groups = findDuplicateCustomers([{ name: 'Sample Traders Pvt. Ltd.' }], [{ name: 'SAMPLE TRADERS' }]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.reasons).toEqual(['name']);
    expect(groups[0]?.members.map((member) => member.source)).toEqual(['import', 'existing']);
  });

  it('matches names one typo apart', () => {
    const groups = findDuplicateCustomers([
      { name: 'Shree Ganesh Enterprises' },
      { name: 'Shree Ganseh Enterprises' },
      { name: 'Shree Ganesh Enterprise' },
      { name: 'Krishna Textiles' },
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.reasons).toEqual(['similar-name']);
    expect(groups[0]?.members.map((member) => member.index)).toEqual([0, 1, 2]);
  });

  it('keeps numbered names apart', () => {
    const drafts = Array.from({ length: 300 }, (_, index) => ({ name: `Customer ${String(index).padStart(4, '0')}` }));
    expect(findDuplicateCustomers(drafts)).toEqual([]);
  });

  it('ignores groups of existing customers only', () => {
    const groups = findDuplicateCustomers([{ name: 'New Customer' }], [{ name: 'Old Co', pan: 'AAPFU0939F' }, { name: 'Old Company', pan: 'AAPFU0939F' }]);
    expect(groups).toEqual([]);
  });
});
