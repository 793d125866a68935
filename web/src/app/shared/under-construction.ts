import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Route } from '@angular/router';
import { NzResultModule } from 'ng-zorro-antd/result';

/** The page for a module that is in the menu but not built yet. */
@Component({
  selector: 'app-under-construction',
  imports: [NzResultModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page" data-testid="under-construction">
      <nz-result nzIcon="tool" [nzTitle]="title()" nzSubTitle="功能建设中" />
    </div>
  `,
  styles: `
    .page {
      background: #fff;
      border-radius: 8px;
      min-height: 420px;
      display: flex;
      align-items: center;
      justify-content: center;
    }
  `,
})
export class UnderConstruction {
  /** The module's name, from the route's data. */
  readonly title = input.required<string>();
}

/** A route to a module that is not built yet. */
export function underConstructionRoute(path: string, title: string): Route {
  return { path, component: UnderConstruction, data: { title } };
}
