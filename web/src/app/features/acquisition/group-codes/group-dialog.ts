import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';

import { SHARED_IMPORTS } from '../../../shared/shared-imports';
import { GroupCodesApi } from './group-codes-api';
import {
  GroupCodeStrategy,
  GroupInput,
  IMAGE_HINT,
  imageProblem,
  imageUrl,
  TEXT_MAX,
} from './group-codes.models';

const DAY = 24 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/**
 * 添加实际群码 / 编辑 (R-2.1.3-01..04): the group's QR image, 群名称, 有效期 (today through today + 7, I-22),
 * 扫码限制次数, and under 位置就近分配策略 its 门店 (I-19).
 */
@Component({
  selector: 'app-group-dialog',
  imports: [...SHARED_IMPORTS, FormsModule, NzModalModule, NzDatePickerModule, NzInputNumberModule],
  template: `
    <nz-modal
      [nzVisible]="true"
      [nzTitle]="initial() ? '编辑实际群码' : '添加实际群码'"
      (nzOnCancel)="closed.emit()"
      (nzOnOk)="save()"
      nzOkText="确定"
      nzCancelText="取消"
    >
      <ng-container *nzModalContent>
        <form nz-form nzLayout="horizontal" data-testid="group-dialog">
          <nz-form-item>
            <nz-form-label [nzSpan]="6" nzRequired>实际群码</nz-form-label>
            <nz-form-control [nzSpan]="18">
              <div class="upload">
                @if (qrFileId()) {
                  <img [src]="imageUrl(qrFileId())" alt="实际群码" class="thumb" />
                }
                <input
                  type="file"
                  accept="image/png,image/jpeg"
                  (change)="pick($event)"
                  data-testid="group-qr-file"
                />
              </div>
              <div class="hint">{{ imageHint }}</div>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label [nzSpan]="6" nzRequired>群名称</nz-form-label>
            <nz-form-control [nzSpan]="18">
              <input
                nz-input
                name="name"
                [(ngModel)]="name"
                [maxlength]="textMax"
                placeholder="请输入"
                data-testid="group-name"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label [nzSpan]="6" nzRequired>有效期</nz-form-label>
            <nz-form-control [nzSpan]="18">
              <nz-date-picker
                name="expiresOn"
                [(ngModel)]="expiresOn"
                [nzDisabledDate]="outsideValidity"
                nzPlaceHolder="请选择"
                data-testid="group-expires"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label [nzSpan]="6" nzRequired>扫码限制次数</nz-form-label>
            <nz-form-control [nzSpan]="18">
              <nz-input-number
                name="scanLimit"
                [(ngModel)]="scanLimit"
                [nzMin]="1"
                [nzStep]="1"
                nzPlaceHolder="请选择扫码限制次数"
                data-testid="group-limit"
              />
              <div class="hint">超过200人的群无法扫码进群，建议不超过200</div>
            </nz-form-control>
          </nz-form-item>
          @if (strategy() === 'nearest') {
            <nz-form-item>
              <nz-form-label [nzSpan]="6" nzRequired>门店</nz-form-label>
              <nz-form-control [nzSpan]="18">
                <input nz-input name="storeName" [(ngModel)]="storeName" placeholder="门店名称" />
                <input nz-input name="storeAddress" [(ngModel)]="storeAddress" placeholder="门店地址" />
                <nz-input-number
                  name="lat"
                  [(ngModel)]="latitude"
                  nzPlaceHolder="纬度"
                  [nzMin]="-90"
                  [nzMax]="90"
                />
                <nz-input-number
                  name="lng"
                  [(ngModel)]="longitude"
                  nzPlaceHolder="经度"
                  [nzMin]="-180"
                  [nzMax]="180"
                />
              </nz-form-control>
            </nz-form-item>
          }
        </form>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .upload {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .thumb {
      width: 64px;
      height: 64px;
      object-fit: contain;
      border: 1px solid #eee;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupDialog implements OnInit {
  private readonly api = inject(GroupCodesApi);
  private readonly message = inject(NzMessageService);

  readonly strategy = input.required<GroupCodeStrategy>();
  readonly initial = input<GroupInput | null>(null);
  readonly saved = output<GroupInput>();
  readonly closed = output<void>();

  protected readonly imageHint = IMAGE_HINT;
  protected readonly textMax = TEXT_MAX;
  protected readonly imageUrl = imageUrl;
  protected readonly qrFileId = signal('');
  protected name = '';
  protected expiresOn: Date | null = null;
  protected scanLimit: number | null = null;
  protected storeName = '';
  protected storeAddress = '';
  protected latitude: number | null = null;
  protected longitude: number | null = null;

  ngOnInit(): void {
    const group = this.initial();
    if (!group) return;
    this.qrFileId.set(group.qrFileId);
    this.name = group.name;
    this.expiresOn = new Date(`${group.expiresOn}T12:00:00`);
    this.scanLimit = group.scanLimit;
    this.storeName = group.store?.name ?? '';
    this.storeAddress = group.store?.address ?? '';
    this.latitude = group.store?.latitude ?? null;
    this.longitude = group.store?.longitude ?? null;
  }

  protected readonly outsideValidity = (date: Date): boolean => {
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    return date.getTime() < today.getTime() || date.getTime() >= today.getTime() + 8 * DAY;
  };

  protected pick(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const problem = imageProblem(file);
    if (problem) {
      this.message.error(problem);
      return;
    }
    this.api.uploadImage(file).subscribe((uploaded) => this.qrFileId.set(uploaded.fileId));
  }

  protected save(): void {
    const problem = this.problem();
    if (problem) {
      this.message.error(problem);
      return;
    }
    const store =
      this.strategy() === 'nearest'
        ? {
            name: this.storeName.trim(),
            address: this.storeAddress.trim(),
            latitude: this.latitude!,
            longitude: this.longitude!,
          }
        : null;
    this.saved.emit({
      qrFileId: this.qrFileId(),
      name: this.name.trim(),
      expiresOn: dayOf(this.expiresOn!),
      scanLimit: this.scanLimit!,
      store,
    });
  }

  private problem(): string | null {
    if (!this.qrFileId()) return '请上传实际群码';
    if (!this.name.trim()) return '请输入群名称';
    if (!this.expiresOn) return '请选择有效期';
    if (!this.scanLimit || this.scanLimit < 1 || !Number.isInteger(this.scanLimit))
      return '扫码限制次数须为正整数';
    if (this.strategy() === 'nearest') {
      if (!this.storeName.trim()) return '请输入门店名称';
      if (this.latitude === null || this.longitude === null) return '请填写门店经纬度';
    }
    return null;
  }
}
