import { MAIN_MENU } from '../../layout/menu';
import { firstPermittedLink, menuItemOf, permittedMenu } from './permitted-menu';

describe('the menu a role sees', () => {
  it('keeps only permitted items and drops groups left empty', () => {
    const menu = permittedMenu(MAIN_MENU, new Set(['system.org', 'customer.groups']));
    expect(menu.map((group) => [group.label, group.children.map((item) => item.label)])).toEqual([
      ['客户管理', ['客户群']],
      ['系统配置', ['组织架构']],
    ]);
  });

  it('lands on the first menu item the role may see, in menu order (I-11)', () => {
    expect(firstPermittedLink(MAIN_MENU, new Set(['system.roles', 'material.knowledge']))).toBe(
      '/material/knowledge',
    );
    expect(firstPermittedLink(MAIN_MENU, new Set())).toBeNull();
  });

  it('finds the menu item of a URL, including pages below it and query strings', () => {
    expect(menuItemOf(MAIN_MENU, '/system/org?roleId=1')?.permission).toBe('system.org');
    expect(menuItemOf(MAIN_MENU, '/system/roles/42')?.permission).toBe('system.roles');
    expect(menuItemOf(MAIN_MENU, '/system/organisation')).toBeUndefined();
    expect(menuItemOf(MAIN_MENU, '/no-access')).toBeUndefined();
  });
});
