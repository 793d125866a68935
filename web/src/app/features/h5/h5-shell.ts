import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

/** The sidebar's frame: full width of WeCom's narrow webview, no admin menu. */
@Component({
  selector: 'app-h5-shell',
  imports: [RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      max-width: 640px;
      margin: 0 auto;
      padding: 12px;
      background: #fff;
      min-height: 100vh;
      box-sizing: border-box;
      font-size: 14px;
    }
  `,
  template: `<router-outlet />`,
})
export class H5Shell {}
