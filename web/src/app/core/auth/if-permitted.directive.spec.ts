import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { AuthService } from './auth.service';
import { IfPermittedDirective } from './if-permitted.directive';

@Component({
  imports: [IfPermittedDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button *appIfPermitted="'system.roles.create'" data-testid="create">新增角色</button>
    <button *appIfPermitted="'system.roles.delete'" data-testid="delete">删除</button>
  `,
})
class Host {}

describe('*appIfPermitted', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows only what the role permits, and follows the session when it changes', async () => {
    const fixture = TestBed.createComponent(Host);
    const shown = () =>
      [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')].map((b) => b.dataset['testid']);
    await fixture.whenStable();
    expect(shown()).toEqual([]);

    TestBed.inject(AuthService).loadSession().subscribe();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/me')
      .flush({
        user: { id: 'u1', name: '销售经理', phone: '1' },
        tenant: { id: 't', name: 't', corpName: 't' },
        access: {
          roleName: '主管',
          isSuperAdmin: false,
          permissions: ['system.roles.create'],
          dataScope: 'self',
        },
      });
    await fixture.whenStable();
    expect(shown()).toEqual(['create']);
  });
});
