import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import type { ScanResult, landingSchema } from '@contracts/group-code.contract';
import { firstValueFrom } from 'rxjs';
import type { z } from 'zod';

import { positionOrNothing, type VisitorPosition } from './visitor-position';

/** What the public landing endpoint answers before the scan (lib/contracts/group-code.contract.ts). */
type Landing = z.infer<typeof landingSchema>;

type View =
  { kind: 'loading' } | { kind: 'invalid'; message: string } | { kind: 'scanned'; result: ScanResult };

/**
 * The page a scan of a 群活码 or its copied link opens (R-2.1.3-09), public and for phones: the code's name as
 * the title, its 引导语, and the group the strategy chose, whose QR the visitor long-presses to join. Under
 * 位置就近分配策略 the browser is asked for the visitor's position first; refused or unavailable, the scan goes
 * out without one and the server falls back to the 溢出 order (I-19).
 */
@Component({
  selector: 'app-group-code-landing-page',
  template: `
    <main class="landing">
      @switch (view().kind) {
        @case ('loading') {
          <p class="muted">正在为您分配群聊…</p>
        }
        @case ('invalid') {
          <h1>群活码</h1>
          <p class="empty" data-testid="landing-invalid">{{ invalidMessage() }}</p>
        }
        @case ('scanned') {
          @if (result(); as result) {
            <h1 data-testid="landing-name">{{ result.name }}</h1>
            @if (result.guide) {
              <p class="guide" data-testid="landing-guide">{{ result.guide }}</p>
            }
            @if (result.group; as group) {
              <p class="group" data-testid="landing-group-name">{{ group.name }}</p>
              <img class="qr" [src]="group.qrUrl" alt="群二维码" data-testid="landing-qr" />
              <p class="muted">长按识别二维码加入群聊</p>
            } @else {
              <p class="empty" data-testid="landing-empty">{{ result.message }}</p>
            }
          }
        }
      }
    </main>
  `,
  styles: `
    .landing {
      max-width: 480px;
      margin: 0 auto;
      padding: 32px 20px;
      text-align: center;
      font-family: sans-serif;
    }
    h1 {
      font-size: 20px;
      margin: 0 0 12px;
    }
    .guide {
      color: #555;
      margin: 0 0 24px;
    }
    .group {
      font-size: 16px;
      margin: 0 0 12px;
    }
    .qr {
      width: 72vw;
      max-width: 280px;
      aspect-ratio: 1;
      object-fit: contain;
    }
    .muted {
      color: #999;
      font-size: 13px;
    }
    .empty {
      color: #cf1322;
      margin-top: 48px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupCodeLandingPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly route = inject(ActivatedRoute);

  protected readonly view = signal<View>({ kind: 'loading' });

  protected result(): ScanResult | null {
    const view = this.view();
    return view.kind === 'scanned' ? view.result : null;
  }

  protected invalidMessage(): string {
    const view = this.view();
    return view.kind === 'invalid' ? view.message : '';
  }

  async ngOnInit(): Promise<void> {
    const tenantId = this.route.snapshot.paramMap.get('tenantId') ?? '';
    const codeId = this.route.snapshot.paramMap.get('codeId') ?? '';
    const base = `/api/public/group-codes/${encodeURIComponent(tenantId)}/${encodeURIComponent(codeId)}`;
    try {
      const landing = await firstValueFrom(this.http.get<Landing>(base));
      document.title = landing.name;
      const position: VisitorPosition | undefined =
        landing.strategy === 'nearest' ? await positionOrNothing() : undefined;
      const result = await firstValueFrom(this.http.post<ScanResult>(`${base}/scans`, position ?? {}));
      this.view.set({ kind: 'scanned', result });
    } catch (error) {
      const message =
        error instanceof HttpErrorResponse && error.status === 404
          ? '该群活码已失效'
          : '页面加载失败，请稍后重试';
      this.view.set({ kind: 'invalid', message });
    }
  }
}
