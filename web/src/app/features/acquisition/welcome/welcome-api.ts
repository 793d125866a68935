import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { UploadedImage, Welcome, WelcomeAttachment, WelcomeKind, WelcomePage } from './welcome.models';

/** The 欢迎语 endpoints: /api/welcome-messages/{default,group} and /api/welcome-images. */
@Injectable({ providedIn: 'root' })
export class WelcomeApi {
  private readonly http = inject(HttpClient);

  list(kind: WelcomeKind, page: number, pageSize: number): Observable<WelcomePage> {
    return this.http.get<WelcomePage>(`/api/welcome-messages/${kind}`, { params: { page, pageSize } });
  }

  create(kind: WelcomeKind, text: string, attachment: WelcomeAttachment | null): Observable<Welcome> {
    return this.http.post<Welcome>(`/api/welcome-messages/${kind}`, { text, attachment });
  }

  update(
    kind: WelcomeKind,
    id: string,
    text: string,
    attachment: WelcomeAttachment | null,
  ): Observable<Welcome> {
    return this.http.put<Welcome>(`/api/welcome-messages/${kind}/${id}`, { text, attachment });
  }

  remove(kind: WelcomeKind, id: string): Observable<void> {
    return this.http.delete<void>(`/api/welcome-messages/${kind}/${id}`);
  }

  uploadImage(file: File): Observable<UploadedImage> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<UploadedImage>('/api/welcome-images', form);
  }
}
