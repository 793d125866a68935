import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { LossAlertSettingsDialog } from './loss-alert-settings-dialog';

describe('LossAlertSettingsDialog (流失提醒设置)', () => {
  it('reads the settings on opening and saves the edited ones through the PUT', async () => {
    TestBed.configureTestingModule({
      imports: [LossAlertSettingsDialog],
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzI18n(zh_CN),
      ],
    });
    const fixture = TestBed.createComponent(LossAlertSettingsDialog);
    fixture.componentRef.setInput('open', true);
    await fixture.whenStable();
    const http = TestBed.inject(HttpTestingController);
    http
      .expectOne('/api/customer-loss-alert-settings')
      .flush({ enabled: true, notifyMember: true, managerUserids: [] });
    // The managers' picker appears with the settings, and offers the first members at once.
    await fixture.whenStable();
    http
      .expectOne((req) => req.url === '/api/org/staff')
      .flush({ items: [{ userid: 'boss', name: '王经理' }], total: 1, page: 1, pageSize: 100 });
    await fixture.whenStable();

    // The modal renders into the overlay container, outside the component's element.
    expect(document.body.querySelector('[data-testid="loss-alert-managers"]')).not.toBeNull();
    const dialog = fixture.componentInstance as unknown as {
      patch(change: object): void;
      save(): void;
    };
    dialog.patch({ notifyMember: false, managerUserids: ['boss'] });
    dialog.save();
    const put = http.expectOne({ method: 'PUT', url: '/api/customer-loss-alert-settings' });
    expect(put.request.body).toEqual({ enabled: true, notifyMember: false, managerUserids: ['boss'] });
    put.flush(put.request.body);
    await fixture.whenStable();
    expect(fixture.componentInstance.open()).toBe(false);
    http.verify();
  });
});
