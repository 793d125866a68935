import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Observable, Subscription, tap, timer } from 'rxjs';

import { ManualSync } from '../../../shared/manual-sync/manual-sync';
import { ServerTable } from '../../../shared/server-table/server-table';
import { buildDepartmentTree } from './department-tree';
import { recentFailures } from './write-back-texts';
import {
  DepartmentList,
  OrgEditability,
  Seats,
  StaffDetail,
  StaffFields,
  StaffMember,
  StaffQuery,
} from './org.models';
import { OrgApi } from './org-api';
import { describeSeats } from './org-texts';

/** How many of the latest write-backs the page looks at for refusals. */
const RECENT_WRITE_BACKS = 5;
/** When to look again after an edit: WeCom usually has answered by then. */
const WRITE_BACK_SETTLE_MS = 3000;

/** 搜索员工, the department picked in the tree, and the role of 权限管理's 员工数 link. */
type StaffFilters = Omit<StaffQuery, 'page' | 'pageSize'>;

/** State of the 组织架构 page: department tree, the staff query and its page, sync status, seats. */
@Injectable()
export class OrgStore {
  private readonly api = inject(OrgApi);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);

  private readonly departmentList = signal<DepartmentList>({ corpName: '', items: [] });
  readonly departmentsLoading = signal(false);
  readonly departments = computed(() => this.departmentList().items);
  readonly tree = computed(() =>
    buildDepartmentTree(this.departmentList().corpName, this.departmentList().items),
  );
  /** Editing is off without a binding or with a read-only contacts secret (I-95); unknown = off. */
  readonly editability = signal<OrgEditability>({ editable: false, message: null });
  /** Refusals among the latest edits sent to WeCom, in words. */
  readonly writeBackFailures = signal<string[]>([]);

  readonly staff = new ServerTable<StaffMember, StaffFilters>({
    filters: { keyword: '', departmentId: null, roleId: null },
    fetch: ({ filters, page, pageSize }) => this.api.staff({ ...filters, page, pageSize }),
  });

  /** 同步: when a sync ends, the tree, the list and the seats are read again. */
  readonly sync = new ManualSync(
    { state: () => this.api.syncState(), start: () => this.api.startSync() },
    () => {
      this.loadDepartments();
      this.loadStaff();
      this.loadSeats();
    },
  );

  readonly seats = signal<Seats | null>(null);
  readonly seatBanner = computed(() => {
    const seats = this.seats();
    return seats ? describeSeats(seats) : null;
  });

  private pendingRefresh: Subscription | null = null;

  constructor() {
    this.destroyRef.onDestroy(() => {
      this.pendingRefresh?.unsubscribe();
    });
  }

  load(): void {
    this.loadDepartments();
    this.loadStaff();
    this.loadSeats();
    this.sync.load();
  }

  search(keyword: string): void {
    const filters = this.staff.filters();
    if (filters.keyword !== keyword) this.staff.search({ ...filters, keyword });
  }

  selectDepartment(departmentId: number | null): void {
    const filters = this.staff.filters();
    if (filters.departmentId !== departmentId) this.staff.search({ ...filters, departmentId });
  }

  /** Shows only the staff holding a role (the 员工数 link of 权限管理), or everyone again (null). */
  filterByRole(roleId: string | null): void {
    const filters = this.staff.filters();
    if (filters.roleId !== roleId) this.staff.search({ ...filters, roleId });
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

  /** 开启系统 / 关闭系统 for one member; the list and the seat banner follow the server's answer. */
  setSystemAccess(userid: string, enabled: boolean): void {
    this.api.setSystemAccess(userid, enabled).subscribe((seats) => {
      this.seats.set(seats);
      this.message.success(enabled ? '已开启系统' : '已关闭系统');
      this.loadStaff();
    });
  }

  /** Whether the org may be edited, and what WeCom refused lately. */
  loadEditability(): void {
    this.api.editability().subscribe((editability) => this.editability.set(editability));
    this.api
      .latestWriteBacks(RECENT_WRITE_BACKS)
      .subscribe((page) => this.writeBackFailures.set(recentFailures(page.items)));
  }

  /** Saved at once; WeCom gets it through the write-back (the node shows 同步中 until then). */
  addDepartment(parentId: number, name: string): Observable<unknown> {
    return this.api.createDepartment(parentId, name).pipe(tap(() => this.afterOrgEdit()));
  }

  renameDepartment(id: number, name: string): Observable<unknown> {
    return this.api.renameDepartment(id, name).pipe(tap(() => this.afterOrgEdit()));
  }

  moveDepartment(id: number, parentId: number, index: number): void {
    this.api.moveDepartment(id, parentId, index).subscribe(() => this.afterOrgEdit());
  }

  deleteDepartment(id: number): void {
    this.api.deleteDepartment(id).subscribe(() => {
      if (this.staff.filters().departmentId === id) this.selectDepartment(null);
      this.afterOrgEdit();
    });
  }

  createStaff(fields: Partial<StaffFields>): Observable<StaffDetail> {
    return this.api.createStaff(fields).pipe(tap(() => this.afterOrgEdit()));
  }

  updateStaff(userid: string, fields: Partial<StaffFields>): Observable<StaffDetail> {
    return this.api.updateStaff(userid, fields).pipe(tap(() => this.afterOrgEdit()));
  }

  deleteStaff(userid: string): void {
    this.api.deleteStaff(userid).subscribe(() => {
      this.afterOrgEdit();
      this.loadSeats();
    });
  }

  /**
   * Redraws from the server now, and once more a moment later, when WeCom has usually answered: the marks
   * (同步中 / 同步失败) and a read-only refusal then show without a reload.
   */
  private afterOrgEdit(): void {
    this.message.success('保存成功，正在同步到企业微信');
    this.refreshOrg();
    this.pendingRefresh?.unsubscribe();
    this.pendingRefresh = timer(WRITE_BACK_SETTLE_MS).subscribe(() => this.refreshOrg());
  }

  private refreshOrg(): void {
    this.loadDepartments();
    this.loadStaff();
    this.loadEditability();
  }

  private loadStaff(): void {
    this.staff.reload();
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
