import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { StaffOption, StaffSelect } from './staff-select';

/** A form with the picker, as the pages write it. */
@Component({
  imports: [ReactiveFormsModule, StaffSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-staff-select
    [multiple]="multiple()"
    [known]="known()"
    [members]="members()"
    placeholder="请选择员工"
    testId="picker"
    [formControl]="control"
  />`,
})
class PickerForm {
  readonly multiple = signal(true);
  readonly known = signal<StaffOption[]>([]);
  readonly members = signal<StaffOption[] | undefined>(undefined);
  readonly control = new FormControl<string[] | string | null>([]);
}

const STAFF = [
  { userid: 'boss', name: '王经理' },
  { userid: 'li', name: '李娜' },
];

async function openForm(setUp: (form: PickerForm) => void = () => undefined) {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNzI18n(zh_CN),
    ],
  });
  const fixture = TestBed.createComponent(PickerForm);
  setUp(fixture.componentInstance);
  await fixture.whenStable();
  const http = TestBed.inject(HttpTestingController);
  const element = fixture.nativeElement as HTMLElement;
  const answerSearch = async (keyword: string, items: StaffOption[]) => {
    const request = http.expectOne((req) => req.url === '/api/org/staff');
    expect(request.request.params.get('keyword')).toBe(keyword);
    expect(request.request.params.get('pageSize')).toBe('100');
    request.flush({
      items: items.map((m) => ({ ...m, departments: [] })),
      total: items.length,
      page: 1,
      pageSize: 100,
    });
    await fixture.whenStable();
  };
  const shown = () =>
    [...element.querySelectorAll('.ant-select-selection-item')].map((item) => item.textContent?.trim());
  const type = async (text: string) => {
    const input = element.querySelector<HTMLInputElement>('[data-testid="picker"] input')!;
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  return { fixture, form: fixture.componentInstance, element, http, answerSearch, shown, type };
}

describe('StaffSelect (the admin’s one 员工 picker)', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('offers the first members at once, and shows the form’s members by name', async () => {
    const { form, answerSearch, shown, fixture, element } = await openForm();
    await answerSearch('', STAFF);
    form.control.setValue(['boss']);
    await fixture.whenStable();
    expect(shown()).toEqual(['王经理']);
    expect(element.querySelector('[data-testid="picker"]')?.classList).toContain('ant-select-multiple');
  });

  it('searches by the name typed, and a picked member keeps their name when the search no longer finds them', async () => {
    const { form, answerSearch, shown, type, fixture } = await openForm();
    await answerSearch('', STAFF);
    form.control.setValue(['boss']);
    await type('李');
    await answerSearch('李', [STAFF[1]]);
    await fixture.whenStable();
    expect(shown()).toEqual(['王经理']);
  });

  it('hands the form what a person picks', async () => {
    const { form, answerSearch, fixture, element, http } = await openForm((page) => page.multiple.set(false));
    await answerSearch('', STAFF);
    element.querySelector<HTMLElement>('[data-testid="picker"]')!.click();
    await fixture.whenStable();
    const option = [...document.querySelectorAll<HTMLElement>('nz-option-item')].find((item) =>
      item.textContent?.includes('李娜'),
    );
    option!.click();
    await fixture.whenStable();
    expect(form.control.value).toBe('li');
    // Closing after the pick clears the typed name, which searches again from the first members.
    for (const again of http.match((req) => req.url === '/api/org/staff'))
      again.flush({ items: STAFF, total: 2 });
    expect(form.control.touched || form.control.dirty).toBe(true);
  });

  it('names a saved record’s members before any search finds them, and follows the form’s disabling', async () => {
    const { form, answerSearch, shown, fixture, element } = await openForm((page) => {
      page.multiple.set(false);
      page.known.set([{ userid: 'far', name: '远方员工' }]);
      page.control.setValue('far');
    });
    await answerSearch('', STAFF);
    expect(shown()).toEqual(['远方员工']);
    form.control.disable();
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="picker"]')?.classList).toContain('ant-select-disabled');
  });

  it('offers the members a page holds, searched in the browser, and asks the server nothing', async () => {
    const { form, fixture, element, shown } = await openForm((page) => page.members.set(STAFF));
    form.control.setValue(['li']);
    await fixture.whenStable();
    expect(shown()).toEqual(['李娜']);
    element.querySelector<HTMLElement>('[data-testid="picker"]')!.click();
    await fixture.whenStable();
    const options = [...document.querySelectorAll('nz-option-item')].map((item) => item.textContent?.trim());
    expect(options).toEqual(['王经理', '李娜']);
  });
});
