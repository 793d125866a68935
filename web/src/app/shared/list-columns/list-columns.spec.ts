import { Observable, of, throwError } from 'rxjs';

import { ListColumns, ListColumnsView, moveColumn, toggleColumn } from './list-columns';

const MANUAL = ['name', 'corpName', 'position', 'phone', 'owner', 'remark'];

describe('list columns (the gear, R-3.1.1-05, R-3.2.1-07)', () => {
  it('reorders and toggles columns, keeping the fixed one and the manual order for new ones', () => {
    expect(moveColumn(['name', 'phone', 'owner'], 2, 0)).toEqual(['owner', 'name', 'phone']);
    expect(toggleColumn(['name', 'phone', 'owner'], 'position', true, MANUAL, 'name')).toEqual([
      'name',
      'position',
      'phone',
      'owner',
    ]);
    expect(toggleColumn(['name', 'phone'], 'remark', true, MANUAL, 'name')).toEqual([
      'name',
      'phone',
      'remark',
    ]);
    expect(toggleColumn(['name', 'phone'], 'phone', false, MANUAL, 'name')).toEqual(['name']);
    expect(toggleColumn(['name', 'phone'], 'name', false, MANUAL, 'name')).toEqual(['name', 'phone']);
  });

  it('shows a change at once, saves it, and puts the columns back when the save fails', () => {
    const saved: string[][] = [];
    let fail = false;
    const save = (columns: string[]): Observable<ListColumnsView> => {
      if (fail) return throwError(() => new Error('down'));
      saved.push(columns);
      return of({ columns, available: [] });
    };
    const columns = new ListColumns(save);
    columns.set({
      columns: ['name', 'owner'],
      available: [
        { key: 'name', label: '客户群名称' },
        { key: 'memberCount', label: '群聊人数' },
        { key: 'owner', label: '群主' },
      ],
    });
    expect(columns.visible().map((c) => c.label)).toEqual(['客户群名称', '群主']);
    expect(columns.hidden().map((c) => c.key)).toEqual(['memberCount']);

    columns.toggle('memberCount', true);
    columns.move(2, 0);
    expect(saved).toEqual([
      ['name', 'memberCount', 'owner'],
      ['owner', 'name', 'memberCount'],
    ]);

    fail = true;
    columns.toggle('owner', false);
    expect(columns.columns()).toEqual(['owner', 'name', 'memberCount']);
  });
});
