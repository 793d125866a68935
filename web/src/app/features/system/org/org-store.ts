import { HttpErrorResponse } from '@angular/common/http';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NzMessageService } from 'ng-zorro-antd/message';
import { catchError, EMPTY, exhaustMap, Subject, Subscription, switchMap, takeWhile, timer } from 'rxjs';

import { apiErrorMessage } from '../../../core/net/api-error';
import { buildDepartmentTree } from './department-tree';
import { DepartmentList, LastSync, Seats, StaffPage, StaffQuery, SyncState } from './org.models';
import { OrgApi } from './org-api';
import { describeLastSync, describeManualSyncQuota, describeSeats, isStartedSyncFinished } from './org-texts';

export const DEFAULT_PAGE_SIZE = 20;
/** How often a running sync is polled, and for how long at most (5 minutes). */
const SYNC_POLL_MS = 2000;
const SYNC_MAX_POLLS = 150;

const EMPTY_PAGE: StaffPage = { items: [], total: 0, page: 1, pageSize: DEFAULT_PAGE_SIZE };

/** State of the 组织架构 page: department tree, the staff query and its page, sync status, seats. */
@Injectable()
export class OrgStore {
  private readonly api = inject(OrgApi);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);

  private readonly departmentList = signal<DepartmentList>({ corpName: '', items: [] });
  readonly departmentsLoading = signal(false);
  readonly tree = computed(() =>
    buildDepartmentTree(this.departmentList().corpName, this.departmentList().items),
  );

  readonly query = signal<StaffQuery>({
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
    keyword: '',
    departmentId: null,
    roleId: null,
  });
  readonly staff = signal<StaffPage>(EMPTY_PAGE);
  readonly staffLoading = signal(false);

  readonly syncState = signal<SyncState | null>(null);
  private readonly syncStarting = signal(false);
  private readonly polling = signal(false);
  readonly syncing = computed(() => this.syncStarting() || this.polling());
  readonly lastSyncText = computed(() => describeLastSync(this.syncState()?.lastSync ?? null));
  readonly syncQuotaText = computed(() => {
    const state = this.syncState();
    return state ? describeManualSyncQuota(state) : '';
  });

  readonly seats = signal<Seats | null>(null);
  readonly seatBanner = computed(() => {
    const seats = this.seats();
    return seats ? describeSeats(seats) : null;
  });

  private readonly staffRequests = new Subject<StaffQuery>();
  private pollSubscription: Subscription | null = null;

  constructor() {
    this.staffRequests
      .pipe(
        switchMap((query) => {
          this.staffLoading.set(true);
          // A failed page is shown by the error interceptor; keep the stream alive for the next query.
          return this.api.staff(query).pipe(
            catchError(() => {
              this.staffLoading.set(false);
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        this.staff.set(page);
        this.staffLoading.set(false);
      });
    this.destroyRef.onDestroy(() => this.pollSubscription?.unsubscribe());
  }

  load(): void {
    this.loadDepartments();
    this.loadStaff();
    this.loadSeats();
    this.api.syncState().subscribe((state) => {
      this.syncState.set(state);
      // A scheduled or someone else's sync is running: follow it so the page refreshes when it ends.
      if (state.lastSync?.status === 'running') this.followSync(state.lastSync, true);
    });
  }

  /** The table's page or page size changed. */
  changePage(page: number, pageSize: number): void {
    const current = this.query();
    if (current.page === page && current.pageSize === pageSize) return;
    this.setQuery({ ...current, page: pageSize === current.pageSize ? page : 1, pageSize });
  }

  search(keyword: string): void {
    const current = this.query();
    if (current.keyword === keyword) return;
    this.setQuery({ ...current, keyword, page: 1 });
  }

  selectDepartment(departmentId: number | null): void {
    const current = this.query();
    if (current.departmentId === departmentId) return;
    this.setQuery({ ...current, departmentId, page: 1 });
  }

  /** Shows only the staff holding a role (the 员工数 link of 权限管理), or everyone again (null). */
  filterByRole(roleId: string | null): void {
    const current = this.query();
    if (current.roleId === roleId) return;
    this.setQuery({ ...current, roleId, page: 1 });
  }

  /** 设置角色 for one member; the list shows the new role. */
  setRole(userid: string, roleId: string, done: () => void): void {
    this.api.setRole(userid, roleId).subscribe({
      next: () => {
        this.message.success('角色已更新');
        this.loadStaff();
        done();
      },
      error: () => done(),
    });
  }

  /** 同步: starts a manual sync, then follows it until it ends and reloads the tree and the list. */
  sync(): void {
    if (this.syncing()) return;
    const before = this.syncState()?.lastSync ?? null;
    this.syncStarting.set(true);
    this.api.startSync().subscribe({
      next: (res) => {
        this.syncStarting.set(false);
        this.message.success(res.message);
        this.followSync(before, false);
      },
      error: (err: unknown) => {
        this.syncStarting.set(false);
        if (err instanceof HttpErrorResponse && err.status === 429) {
          this.message.warning(apiErrorMessage(err));
        }
      },
    });
  }

  private followSync(before: LastSync | null, sawRunning: boolean): void {
    this.pollSubscription?.unsubscribe();
    this.polling.set(true);
    let seenRunning = sawRunning;
    let finished = false;
    this.pollSubscription = timer(SYNC_POLL_MS, SYNC_POLL_MS)
      .pipe(
        exhaustMap((tick) => (tick < SYNC_MAX_POLLS ? this.api.syncState() : [null])),
        takeWhile((state): state is SyncState => state !== null),
        takeWhile((state) => {
          finished = isStartedSyncFinished(state, before, seenRunning);
          seenRunning ||= state.lastSync?.status === 'running';
          this.syncState.set(state);
          return !finished;
        }),
      )
      .subscribe({
        complete: () => {
          this.polling.set(false);
          if (finished) this.onSyncFinished();
          else this.message.warning('同步仍在进行，请稍后刷新页面查看结果');
        },
        error: () => this.polling.set(false),
      });
  }

  /** 开启系统 / 关闭系统 for one member; the list and the seat banner follow the server's answer. */
  setSystemAccess(userid: string, enabled: boolean): void {
    this.api.setSystemAccess(userid, enabled).subscribe((seats) => {
      this.seats.set(seats);
      this.message.success(enabled ? '已开启系统' : '已关闭系统');
      this.loadStaff();
    });
  }

  private onSyncFinished(): void {
    const last = this.syncState()?.lastSync;
    if (last?.status === 'failed') {
      this.message.error('同步失败，请稍后重试');
      return;
    }
    this.loadDepartments();
    this.loadStaff();
    this.loadSeats();
  }

  private setQuery(query: StaffQuery): void {
    this.query.set(query);
    this.loadStaff();
  }

  private loadStaff(): void {
    this.staffRequests.next(this.query());
  }

  private loadDepartments(): void {
    this.departmentsLoading.set(true);
    this.api.departments().subscribe({
      next: (list) => {
        this.departmentList.set(list);
        this.departmentsLoading.set(false);
      },
      error: () => this.departmentsLoading.set(false),
    });
  }

  private loadSeats(): void {
    this.api.seats().subscribe((seats) => this.seats.set(seats));
  }
}
