import type { WeComClient, WeComCredentials } from './client';

/** Typed calls to WeCom's contacts (通讯录) API, shapes as in API.md §4. */

export interface WeComDepartment {
  id: number;
  name: string;
  name_en?: string;
  parentid: number;
  order: number;
  department_leader?: string[];
}

export interface WeComUser {
  userid: string;
  name: string;
  department: number[];
  order?: number[];
  position?: string;
  mobile?: string;
  gender?: string;
  email?: string;
  avatar?: string;
  thumb_avatar?: string;
  alias?: string;
  status?: number;
  main_department?: number;
}

export function createContactsApi(client: WeComClient) {
  return {
    async listDepartments(credentials: WeComCredentials, rootId?: number): Promise<WeComDepartment[]> {
      const answer = await client.call<{ department: WeComDepartment[] }>(credentials, {
        method: 'GET',
        path: '/department/list',
        query: { id: rootId },
      });
      return answer.department ?? [];
    },

    async getDepartment(credentials: WeComCredentials, id: number): Promise<WeComDepartment> {
      const answer = await client.call<{ department: WeComDepartment }>(credentials, {
        method: 'GET',
        path: '/department/get',
        query: { id },
      });
      return answer.department;
    },

    /** Members directly in one department (fetch_child=0), so a large corp is read a department at a time. */
    async listUsersOfDepartment(credentials: WeComCredentials, departmentId: number): Promise<WeComUser[]> {
      const answer = await client.call<{ userlist: WeComUser[] }>(credentials, {
        method: 'GET',
        path: '/user/list',
        query: { department_id: departmentId, fetch_child: 0 },
      });
      return answer.userlist ?? [];
    },

    async getUser(credentials: WeComCredentials, userid: string): Promise<WeComUser> {
      return client.call<WeComUser>(credentials, { method: 'GET', path: '/user/get', query: { userid } });
    },
  };
}

export type ContactsApi = ReturnType<typeof createContactsApi>;
