import { maskPerson, publicSubject } from './public-lists';

describe('publishing list entries', () => {
  it('masks individuals the platform-wide way: the surname, and the first three and last four characters of the ID, stay', () => {
    expect(maskPerson('张三丰', '410102199003071234')).toEqual({ name: '张**', id: '410***********1234' });
    expect(maskPerson('李', '41010219900307123X')).toEqual({ name: '*', id: '410***********123X' });
    expect(maskPerson('王五', 'short')).toEqual({ name: '王*', id: '*****' });
  });

  it('shows enterprises and vehicles as they are', () => {
    expect(publicSubject('org', '91350100M000100Y43', '某运输公司')).toEqual({ kind: 'org', id: '91350100M000100Y43', name: '某运输公司' });
    expect(publicSubject('person', '410102199003071234', '张三')).toEqual({ kind: 'person', id: '410***********1234', name: '张*' });
  });
});
