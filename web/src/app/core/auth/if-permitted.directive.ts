import { Directive, effect, inject, input, TemplateRef, ViewContainerRef } from '@angular/core';

import { AuthService } from './auth.service';

/**
 * Renders its element only when the user's role has the permission: `*appIfPermitted="'system.roles.create'"`.
 * Buttons a role lacks are hidden rather than disabled; the api refuses them anyway.
 */
@Directive({ selector: '[appIfPermitted]' })
export class IfPermittedDirective {
  private readonly auth = inject(AuthService);
  private readonly template = inject(TemplateRef<unknown>);
  private readonly container = inject(ViewContainerRef);

  readonly appIfPermitted = input.required<string>();

  constructor() {
    effect(() => {
      const permitted = this.auth.can(this.appIfPermitted());
      if (permitted && this.container.length === 0) this.container.createEmbeddedView(this.template);
      if (!permitted) this.container.clear();
    });
  }
}
