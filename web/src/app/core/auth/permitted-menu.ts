import type { MenuGroup, MenuLink } from '../../layout/menu';

/** The menu as a role sees it: only permitted items, and no group left empty (R-0-02). */
export function permittedMenu(menu: readonly MenuGroup[], permissions: ReadonlySet<string>): MenuGroup[] {
  return menu
    .map((group) => ({
      ...group,
      children: group.children.filter((item) => permissions.has(item.permission)),
    }))
    .filter((group) => group.children.length > 0);
}

/** Where a user lands after login (I-11): the first menu item their role may see, in menu order. */
export function firstPermittedLink(
  menu: readonly MenuGroup[],
  permissions: ReadonlySet<string>,
): string | null {
  return permittedMenu(menu, permissions)[0]?.children[0]?.link ?? null;
}

/** The menu item a URL belongs to (its page or anything below it), if any. */
export function menuItemOf(menu: readonly MenuGroup[], url: string): MenuLink | undefined {
  const path = url.split(/[?#]/)[0];
  return menu
    .flatMap((group) => group.children)
    .find((item) => path === item.link || path.startsWith(item.link + '/'));
}
