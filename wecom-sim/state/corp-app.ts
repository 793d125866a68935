/**
 * The corp's self-built app (the one with the `app` secret and an agentid): its name, its 可见范围
 * (visible range: members and departments, a department including its sub-departments) and its
 * 可信域名 (the trusted domain web login may redirect to). WeCom answers these through agent/get.
 */
import type { ContactDirectory } from '../contacts/contact-directory';

export interface AppVisibility {
  users: string[];
  departments: number[];
}

export class CorpApp {
  name = '客户管理';
  /** The whole corp (root department) until the admin narrows it. */
  visibility: AppVisibility = { users: [], departments: [1] };
  /** Host name web login may redirect to; empty means none configured, so web login refuses every redirect. */
  redirectDomain = '';

  constructor(readonly agentId: number) {}

  isVisibleTo(directory: ContactDirectory, userid: string): boolean {
    if (this.visibility.users.some((u) => u.toLowerCase() === userid.toLowerCase())) return true;
    const member = directory.members.all().find((m) => m.userid.toLowerCase() === userid.toLowerCase());
    if (!member) return false;
    const visible = new Set(this.visibility.departments);
    return member.department.some((id) => {
      for (let current: number | undefined = id; current;) {
        if (visible.has(current)) return true;
        current = directory.departments.has(current)
          ? directory.departments.get(current).parentid
          : undefined;
      }
      return false;
    });
  }
}
