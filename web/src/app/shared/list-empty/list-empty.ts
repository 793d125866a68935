import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NZ_EMPTY_COMPONENT_NAME, NzEmptyModule } from 'ng-zorro-antd/empty';

/** The ng-zorro components whose empty state is a list's; the rest (select, cascader…) are dropdowns. */
const LIST_HOSTS = new Set(['table', 'list']);

/**
 * The admin's one empty state: ng-zorro's simple image and 暂无数据. Every nz-table shows it when it has no rows
 * (provideListEmpty makes it ng-zorro's default empty content); lists of a page's own use it with a wording
 * of their own (暂无会话). Inside a dropdown it takes ng-zorro's small size, as ng-zorro's default would.
 */
@Component({
  selector: 'app-list-empty',
  imports: [NzEmptyModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<nz-empty
    nzNotFoundImage="simple"
    [class.ant-empty-normal]="!inDropdown"
    [class.ant-empty-small]="inDropdown"
    [nzNotFoundContent]="text()"
    data-testid="list-empty"
  />`,
})
export class ListEmpty {
  readonly text = input('暂无数据');

  /** Which ng-zorro component shows this as its default empty content; null when a page places it itself. */
  private readonly host = inject(NZ_EMPTY_COMPONENT_NAME, { optional: true });
  protected readonly inDropdown = this.host !== null && !LIST_HOSTS.has(this.host);
}
