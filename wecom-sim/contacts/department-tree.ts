/**
 * The department hierarchy of one corp and the rules WeCom enforces on it (API.md §4.1, errcodes from doc
 * 90313). Knows nothing about members: the caller says whether a department still has any.
 */
import { WecomError } from '../wecom-error';

export const ROOT_DEPARTMENT_ID = 1;
const MAX_DEPTH = 15;
const MAX_NAME_LENGTH = 32;
const MAX_UINT32 = 0xffffffff;
/** The doc lists \:*?"<>｜ — both the ASCII and the full-width bar are refused. */
const ILLEGAL_NAME_CHARS = /[\\:*?"<>|｜]/;

export interface DepartmentRecord {
  id: number;
  name: string;
  name_en: string;
  parentid: number;
  order: number;
}

export interface DepartmentCreateInput {
  id?: number;
  name?: string;
  name_en?: string;
  parentid?: number;
  order?: number;
}

export interface DepartmentUpdateInput {
  id?: number;
  name?: string;
  name_en?: string;
  parentid?: number;
  order?: number;
}

export interface DepartmentChange {
  before: DepartmentRecord;
  after: DepartmentRecord;
}

function checkName(name: string | undefined, field: string): string {
  const length = name === undefined ? 0 : [...name].length;
  if (name === undefined || length === 0 || length > MAX_NAME_LENGTH) {
    throw new WecomError(60001, `${field} must be 1-${MAX_NAME_LENGTH} characters`);
  }
  if (ILLEGAL_NAME_CHARS.test(name)) throw new WecomError(60009, `${field} must not contain \\:*?"<>|`);
  return name;
}

function checkOrder(order: number | undefined): number {
  if (order === undefined) return 0;
  if (!Number.isInteger(order) || order < 0 || order > MAX_UINT32) {
    throw new WecomError(40058, 'order must be an unsigned 32-bit integer');
  }
  return order;
}

export class DepartmentTree {
  private readonly departments = new Map<number, DepartmentRecord>();

  /** The root department (id 1) carries the corp's name and always exists. */
  constructor(rootName: string) {
    this.departments.set(ROOT_DEPARTMENT_ID, {
      id: ROOT_DEPARTMENT_ID,
      name: rootName,
      name_en: '',
      parentid: 0,
      order: 100000000,
    });
  }

  has(id: number): boolean {
    return this.departments.has(id);
  }

  get(id: number | undefined): DepartmentRecord {
    const department = id === undefined ? undefined : this.departments.get(id);
    if (!department) throw new WecomError(60003, `id ${id ?? '(missing)'}`);
    return { ...department };
  }

  /** Pre-order walk from `fromId` (default: the root): siblings by `order` descending, then by id. */
  subtree(fromId: number = ROOT_DEPARTMENT_ID): DepartmentRecord[] {
    const start = this.get(fromId);
    const result: DepartmentRecord[] = [];
    const visit = (department: DepartmentRecord): void => {
      result.push({ ...department });
      for (const child of this.childrenOf(department.id)) visit(child);
    };
    visit(start);
    return result;
  }

  childrenOf(id: number): DepartmentRecord[] {
    return [...this.departments.values()]
      .filter((department) => department.parentid === id && department.id !== ROOT_DEPARTMENT_ID)
      .sort((a, b) => b.order - a.order || a.id - b.id);
  }

  create(input: DepartmentCreateInput): DepartmentRecord {
    const name = checkName(input.name, 'name');
    const nameEn = input.name_en ? checkName(input.name_en, 'name_en') : '';
    if (input.parentid === undefined || !this.departments.has(input.parentid)) {
      throw new WecomError(60004, `parentid ${input.parentid ?? '(missing)'}`);
    }
    const order = checkOrder(input.order);
    const id = input.id ?? this.nextId();
    if (!Number.isInteger(id) || id <= ROOT_DEPARTMENT_ID || id > MAX_UINT32) {
      throw new WecomError(40058, 'id must be an integer greater than 1');
    }
    if (this.departments.has(id)) throw new WecomError(60008, `id ${id} is taken`);
    this.assertNameFreeUnder(input.parentid, name);
    if (this.depthOf(input.parentid) + 1 > MAX_DEPTH) {
      throw new WecomError(81002, `departments nest at most ${MAX_DEPTH} levels`);
    }
    const department: DepartmentRecord = { id, name, name_en: nameEn, parentid: input.parentid, order };
    this.departments.set(id, department);
    return { ...department };
  }

  update(input: DepartmentUpdateInput): DepartmentChange {
    const before = this.get(input.id);
    const after: DepartmentRecord = { ...before };
    if (input.name !== undefined) after.name = checkName(input.name, 'name');
    if (input.name_en !== undefined) after.name_en = input.name_en ? checkName(input.name_en, 'name_en') : '';
    if (input.order !== undefined) after.order = checkOrder(input.order);
    if (input.parentid !== undefined && input.parentid !== before.parentid) {
      if (before.id === ROOT_DEPARTMENT_ID)
        throw new WecomError(40058, 'the root department cannot be moved');
      if (!this.departments.has(input.parentid)) {
        throw new WecomError(60004, `parentid ${input.parentid}`);
      }
      if (this.isSameOrDescendant(input.parentid, before.id)) {
        throw new WecomError(60010, `${input.parentid} is ${before.id} itself or below it`);
      }
      if (this.depthOf(input.parentid) + this.heightOf(before.id) > MAX_DEPTH) {
        throw new WecomError(81002, `departments nest at most ${MAX_DEPTH} levels`);
      }
      after.parentid = input.parentid;
    }
    if (
      after.id !== ROOT_DEPARTMENT_ID &&
      (after.name !== before.name || after.parentid !== before.parentid)
    ) {
      this.assertNameFreeUnder(after.parentid, after.name, after.id);
    }
    this.departments.set(after.id, after);
    return { before, after: { ...after } };
  }

  delete(id: number | undefined, hasMembers: (departmentId: number) => boolean): DepartmentRecord {
    const department = this.get(id);
    if (department.id === ROOT_DEPARTMENT_ID) throw new WecomError(60007);
    if (this.childrenOf(department.id).length > 0) throw new WecomError(60006);
    if (hasMembers(department.id)) throw new WecomError(60005);
    this.departments.delete(department.id);
    return department;
  }

  /** The root is level 1; WeCom allows 15 levels. */
  private depthOf(id: number): number {
    let depth = 1;
    for (let current = this.departments.get(id); current && current.id !== ROOT_DEPARTMENT_ID; depth += 1) {
      current = this.departments.get(current.parentid);
    }
    return depth;
  }

  private heightOf(id: number): number {
    return 1 + Math.max(0, ...this.childrenOf(id).map((child) => this.heightOf(child.id)));
  }

  private isSameOrDescendant(candidateId: number, ancestorId: number): boolean {
    for (
      let current = this.departments.get(candidateId);
      current;
      current = this.departments.get(current.parentid)
    ) {
      if (current.id === ancestorId) return true;
      if (current.id === ROOT_DEPARTMENT_ID) return false;
    }
    return false;
  }

  private assertNameFreeUnder(parentId: number, name: string, exceptId?: number): void {
    const taken = this.childrenOf(parentId).some(
      (sibling) => sibling.name === name && sibling.id !== exceptId,
    );
    if (taken) throw new WecomError(60008, `"${name}" is taken under ${parentId}`);
  }

  private nextId(): number {
    return Math.max(...this.departments.keys()) + 1;
  }
}
