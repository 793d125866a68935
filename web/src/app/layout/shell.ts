import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { NzAvatarModule } from 'ng-zorro-antd/avatar';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { filter, map } from 'rxjs';

import { AuthService } from '../core/auth/auth.service';
import { firstPermittedLink, permittedMenu } from '../core/auth/permitted-menu';
import { OwnPasswordDialog } from '../features/auth/own-password/own-password-dialog';
import { MAIN_MENU } from './menu';

/** The signed-in frame: collapsible side menu, header with corp and user, and the page outlet. */
@Component({
  selector: 'app-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    NzLayoutModule,
    NzMenuModule,
    NzIconModule,
    NzAvatarModule,
    OwnPasswordDialog,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Only the items the user's role may open (R-0-02). */
  protected readonly menu = computed(() => permittedMenu(MAIN_MENU, this.auth.permissions()));
  protected readonly home = computed(() => firstPermittedLink(MAIN_MENU, this.auth.permissions()) ?? '/');
  protected readonly collapsed = signal(false);
  protected readonly user = this.auth.user;
  protected readonly corpName = computed(() => this.auth.tenant()?.corpName ?? '');

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );

  protected isGroupOpen(path: string): boolean {
    return this.url().startsWith(path + '/');
  }

  protected toggleCollapsed(): void {
    this.collapsed.update((collapsed) => !collapsed);
  }

  /** 修改密码 (I-10) dialog. */
  protected readonly passwordOpen = signal(false);

  protected logOut(): void {
    this.auth.logout().subscribe(() => void this.router.navigateByUrl('/login'));
  }
}
