/**
 * One corp's address book: departments and members together, for the rules that need both (a department
 * with members cannot be deleted; leaders of a department come from its members' is_leader_in_dept).
 */
import { DepartmentTree, type DepartmentRecord } from './department-tree';
import { MemberRoster, type MemberRecord } from './member-roster';

export class ContactDirectory {
  readonly departments: DepartmentTree;
  readonly members: MemberRoster;

  constructor(corpId: string, corpName: string) {
    this.departments = new DepartmentTree(corpName);
    this.members = new MemberRoster(corpId, this.departments);
  }

  deleteDepartment(id: number | undefined): DepartmentRecord {
    return this.departments.delete(id, (departmentId) => this.members.hasMembersIn(departmentId));
  }

  leadersOf(departmentId: number): string[] {
    return this.members
      .all()
      .filter((member) => member.is_leader_in_dept[member.department.indexOf(departmentId)] === 1)
      .map((member) => member.userid);
  }

  /** Members of a department, or of its whole subtree with fetchChild; each member once. */
  membersOf(departmentId: number, fetchChild: boolean): MemberRecord[] {
    const scope = fetchChild
      ? this.departments.subtree(departmentId).map((department) => department.id)
      : [this.departments.get(departmentId).id];
    return this.members.inAnyOf(new Set(scope));
  }
}
