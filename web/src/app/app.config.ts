import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';

import { routes } from './app.routes';
import { provideZhCn } from './core/i18n/provide-zh-cn';
import { errorInterceptor } from './core/net/error.interceptor';
import { provideAppIcons } from './core/startup/app-icons';
import { provideListEmpty } from './shared/list-empty/provide-list-empty';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withFetch(), withInterceptors([errorInterceptor])),
    provideZhCn(),
    provideAppIcons(),
    provideListEmpty(),
  ],
};
