import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  computed,
  forwardRef,
  inject,
  input,
  OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ControlValueAccessor, FormsModule, NG_VALUE_ACCESSOR } from '@angular/forms';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { Subject, switchMap } from 'rxjs';

import { OrgApi } from './org-api';

/** A member as the picker shows one. */
export interface StaffOption {
  userid: string;
  name: string;
}

/** One member (userid, or null when none is picked) or, with `multiple`, the members picked. */
export type StaffSelectValue = string | null | string[];

/**
 * Enough members to pick from without typing in most corps; a typed name searches them all on the server.
 */
const SEARCH_PAGE_SIZE = 100;

/**
 * The admin's one member (员工) picker: an nz-select searched on the server by name (组织架构's staff list),
 * one member or several (`multiple`), for reactive and template forms alike. The members picked keep their names
 * while a search no longer finds them; `known` names members picked before the picker had a chance to find them
 * (a saved record's members). A page that already holds the members to offer (a module's options, within the
 * caller's 数据权限) hands them over as `members`: they are searched by name in the browser instead.
 */
@Component({
  selector: 'app-staff-select',
  imports: [FormsModule, NzSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => StaffSelect), multi: true }],
  styles: `
    :host {
      display: inline-block;
    }
    nz-select {
      width: 100%;
    }
  `,
  template: `
    <nz-select
      [nzMode]="multiple() ? 'multiple' : 'default'"
      nzShowSearch
      [nzServerSearch]="members() === undefined"
      [nzAllowClear]="allowClear() ?? !multiple()"
      [nzMaxTagCount]="maxTagCount()"
      [nzPlaceHolder]="placeholder()"
      [nzDisabled]="disabled()"
      [ngModel]="value()"
      (ngModelChange)="choose($event)"
      (nzOnSearch)="members() === undefined && searches.next($event)"
      (nzBlur)="onTouched()"
      [attr.data-testid]="testId()"
    >
      @for (member of options(); track member.userid) {
        <nz-option [nzValue]="member.userid" [nzLabel]="member.name" />
      }
    </nz-select>
  `,
})
export class StaffSelect implements ControlValueAccessor, OnInit {
  private readonly orgApi = inject(OrgApi);

  readonly multiple = input(false, { transform: booleanAttribute });
  readonly placeholder = input('请选择');
  /** How many picked members show as tags before a "+ N"; all of them by default. */
  readonly maxTagCount = input(Infinity);
  /** Members already picked, with their names (a saved record's). */
  readonly known = input<readonly StaffOption[]>([]);
  /** The members to offer, when the page holds them; without them the picker searches 组织架构's staff. */
  readonly members = input<readonly StaffOption[]>();
  /** The clear icon: a single member's picker has it unless told otherwise, a multiple one only when told. */
  readonly allowClear = input<boolean | undefined>(undefined);
  /** The test id, on the select itself (what the e2e tests click). */
  readonly testId = input<string>();

  protected readonly value = signal<StaffSelectValue>(null);
  protected readonly disabled = signal(false);
  protected readonly searches = new Subject<string>();
  /** The latest search's members. */
  private readonly found = signal<StaffOption[]>([]);
  /** Every member's name the picker has met, so a picked one keeps showing its name. */
  private readonly seen = signal(new Map<string, string>());

  protected readonly options = computed<readonly StaffOption[]>(() => {
    const members = this.members();
    if (members) return members;
    const found = this.found();
    const names = new Map(this.seen());
    for (const member of this.known()) names.set(member.userid, member.name);
    const value = this.value();
    const picked = value === null ? [] : Array.isArray(value) ? value : [value];
    const missing = picked
      .filter((userid) => !found.some((member) => member.userid === userid))
      .map((userid) => ({ userid, name: names.get(userid) ?? userid }));
    return [...missing, ...found];
  });

  private onChange: (value: StaffSelectValue) => void = () => undefined;
  protected onTouched: () => void = () => undefined;

  constructor() {
    this.searches
      .pipe(
        // Only the latest search answers: a slower earlier one would show members that no longer match.
        switchMap((keyword) =>
          this.orgApi.staff({
            keyword: keyword.trim(),
            page: 1,
            pageSize: SEARCH_PAGE_SIZE,
            departmentId: null,
            roleId: null,
          }),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        const members = page.items.map(({ userid, name }) => ({ userid, name }));
        this.seen.update((seen) => new Map([...seen, ...members.map((m) => [m.userid, m.name] as const)]));
        this.found.set(members);
      });
  }

  ngOnInit(): void {
    if (this.members() === undefined) this.searches.next('');
  }

  protected choose(value: StaffSelectValue): void {
    this.value.set(value);
    this.onChange(value);
  }

  writeValue(value: StaffSelectValue | undefined): void {
    this.value.set(value ?? null);
  }

  registerOnChange(onChange: (value: StaffSelectValue) => void): void {
    this.onChange = onChange;
  }

  registerOnTouched(onTouched: () => void): void {
    this.onTouched = onTouched;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }
}
