import { registerLocaleData } from '@angular/common';
import zh from '@angular/common/locales/zh';
import { EnvironmentProviders, LOCALE_ID, makeEnvironmentProviders } from '@angular/core';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

registerLocaleData(zh, 'zh-CN');

/** Chinese (Simplified) for Angular's pipes and for every ng-zorro component text. */
export function provideZhCn(): EnvironmentProviders {
  return makeEnvironmentProviders([{ provide: LOCALE_ID, useValue: 'zh-CN' }, provideNzI18n(zh_CN)]);
}
