import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, provideZonelessChangeDetection } from '@angular/core';
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

describe('LoginPage 扫码登录 tab', () => {
  afterEach(() => window.history.replaceState({}, '', '/'));

  async function open(url: string) {
    window.history.replaceState({}, '', url);
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideZonelessChangeDetection(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzI18n(zh_CN),
        provideAppIcons(),
      ],
    });
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('opens on the 扫码登录 tab with the refusal and the 企业ID the api sent back', async () => {
    const page = await open(
      '/login?mode=qr&qrError=%E5%8F%B7%E7%A0%81%E5%A4%B1%E6%95%88%EF%BC%8C%E8%AF%B7%E8%81%94%E7%B3%BB%E7%AE%A1%E7%90%86%E5%91%98&corpId=ww123',
    );
    expect(page.querySelector('[data-testid="qr-error"]')?.textContent).toContain('号码失效，请联系管理员');
    expect(page.querySelector<HTMLInputElement>('[data-testid="qr-corp-id"]')?.value).toBe('ww123');
  });

  it('asks for the 企业ID before leaving for WeCom', async () => {
    localStorage.removeItem('scrm.qrLogin.corpId');
    const page = await open('/login?mode=qr');
    page.querySelector<HTMLButtonElement>('[data-testid="qr-start"]')!.click();
    await TestBed.inject(ApplicationRef).whenStable();
    expect(page.textContent).toContain('请输入企业ID');
  });
});
