import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';

import { PermissionNode, RoleInput, RolePage } from './roles.models';

/** The 权限管理 endpoints under /api/roles. */
@Injectable({ providedIn: 'root' })
export class RolesApi {
  private readonly http = inject(HttpClient);

  list(page: number, pageSize: number): Observable<RolePage> {
    return this.http.get<RolePage>('/api/roles', { params: { page, pageSize } });
  }

  permissionTree(): Observable<PermissionNode[]> {
    return this.http
      .get<{ items: PermissionNode[] }>('/api/roles/permission-tree')
      .pipe(map((tree) => tree.items));
  }

  create(role: RoleInput): Observable<{ id: string }> {
    return this.http.post<{ id: string }>('/api/roles', role);
  }

  update(id: string, role: RoleInput): Observable<void> {
    return this.http.put<void>(`/api/roles/${id}`, role);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/api/roles/${id}`);
  }
}
