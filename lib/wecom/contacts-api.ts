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
  telephone?: string;
  address?: string;
  status?: number;
  main_department?: number;
}

/** department/create and department/update bodies (API.md §4.1); update sends only what changes. */
export interface DepartmentWrite {
  id: number;
  name?: string;
  parentid?: number;
  order?: number;
}

/** user/create and user/update bodies (API.md §4.2); arrays replace on update. */
export interface UserWrite {
  userid: string;
  name?: string;
  alias?: string;
  mobile?: string;
  email?: string;
  telephone?: string;
  address?: string;
  position?: string;
  gender?: string;
  department?: number[];
  main_department?: number;
  to_invite?: boolean;
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

    async createDepartment(credentials: WeComCredentials, body: DepartmentWrite): Promise<{ id: number }> {
      return client.call<{ id: number }>(credentials, { method: 'POST', path: '/department/create', body });
    },

    async updateDepartment(credentials: WeComCredentials, body: DepartmentWrite): Promise<void> {
      await client.call(credentials, { method: 'POST', path: '/department/update', body });
    },

    async deleteDepartment(credentials: WeComCredentials, id: number): Promise<void> {
      await client.call(credentials, { method: 'GET', path: '/department/delete', query: { id } });
    },

    async createUser(credentials: WeComCredentials, body: UserWrite): Promise<void> {
      await client.call(credentials, { method: 'POST', path: '/user/create', body });
    },

    async updateUser(credentials: WeComCredentials, body: UserWrite): Promise<void> {
      await client.call(credentials, { method: 'POST', path: '/user/update', body });
    },

    async deleteUser(credentials: WeComCredentials, userid: string): Promise<void> {
      await client.call(credentials, { method: 'GET', path: '/user/delete', query: { userid } });
    },
  };
}

export type ContactsApi = ReturnType<typeof createContactsApi>;
