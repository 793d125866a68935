import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { errorInterceptor } from '../../../core/net/error.interceptor';
import { provideAppIcons } from '../../../core/startup/app-icons';
import { HOME_URL, LoginPage } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement>(id: string) => page().querySelector<T>(`[data-testid="${id}"]`)!;

  const type = (id: string, value: string) => {
    const input = byTestId<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  const submit = async () => {
    byTestId<HTMLButtonElement>('login-submit').click();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideZonelessChangeDetection(),
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        provideNzI18n(zh_CN),
        provideAppIcons(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('offers 账号登录 and 扫码登录 and no registration', () => {
    const text = page().textContent ?? '';
    expect(text).toContain('微丰SCRM');
    expect(text).toContain('账号登录');
    expect(text).toContain('扫码登录');
    expect(text).not.toContain('注册');
  });

  it('asks for the phone and the password before calling the server', async () => {
    expect(page().textContent).not.toContain('请输入手机号');
    await submit();

    const text = page().textContent ?? '';
    expect(text).toContain('请输入手机号');
    expect(text).toContain('请输入密码');
    http.expectNone('/api/auth/login');
  });

  it('posts the credentials and goes to the landing route (first permitted menu, I-11) on success', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    type('login-phone', ' 13800000000 ');
    type('login-password', 'secret');
    await submit();

    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ phone: '13800000000', password: 'secret' });
    req.flush({ message: '登录成功' });
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith(HOME_URL);
  });

  it("shows the server's reason when the login is refused", async () => {
    type('login-phone', '13800000000');
    type('login-password', 'wrong');
    await submit();

    http
      .expectOne('/api/auth/login')
      .flush(
        { error: { code: 'WRONG_PASSWORD', message: '密码输入有误' } },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();

    expect(byTestId('login-error').textContent).toContain('密码输入有误');
  });
});
