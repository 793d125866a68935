/** /cgi-bin/department/* (API.md §4.1). Writes go through DepartmentTree's rules; nothing here emits callbacks. */
import { z } from 'zod';
import { departmentView } from '../contacts/contact-views';
import { CONTACT_READERS, CONTACT_WRITERS } from './contact-access';
import { optionalIdParam } from './query-params';
import type { WecomEndpointSpec } from './wecom-endpoint';

const departmentCreateSchema = z.object({
  id: z.number().int().optional(),
  name: z.string().optional(),
  name_en: z.string().optional(),
  parentid: z.number().int().optional(),
  order: z.number().int().optional(),
});

export const departmentEndpoints: Record<string, WecomEndpointSpec> = {
  '/department/list': {
    allowed: CONTACT_READERS,
    emptyOnError: { department: [] },
    handle: ({ corp, query }) => {
      const directory = corp.contacts;
      const subtree = directory.departments.subtree(optionalIdParam(query('id'), 'id'));
      return { department: subtree.map((department) => departmentView(directory, department)) };
    },
  },
  '/department/simplelist': {
    allowed: CONTACT_READERS,
    emptyOnError: { department_id: [] },
    handle: ({ corp, query }) => {
      const subtree = corp.contacts.departments.subtree(optionalIdParam(query('id'), 'id'));
      return { department_id: subtree.map(({ id, parentid, order }) => ({ id, parentid, order })) };
    },
  },
  '/department/get': {
    allowed: CONTACT_READERS,
    handle: ({ corp, query }) => {
      const department = corp.contacts.departments.get(optionalIdParam(query('id'), 'id'));
      return { department: departmentView(corp.contacts, department) };
    },
  },
  '/department/create': {
    allowed: CONTACT_WRITERS,
    writesContacts: true,
    handle: ({ corp, body }) => {
      const created = corp.contacts.departments.create(body(departmentCreateSchema));
      return { errmsg: 'created', id: created.id };
    },
  },
  '/department/update': {
    allowed: CONTACT_WRITERS,
    writesContacts: true,
    handle: ({ corp, body }) => {
      corp.contacts.departments.update(body(departmentCreateSchema));
      return { errmsg: 'updated' };
    },
  },
  '/department/delete': {
    allowed: CONTACT_WRITERS,
    writesContacts: true,
    handle: ({ corp, query }) => {
      corp.contacts.deleteDepartment(optionalIdParam(query('id'), 'id'));
      return { errmsg: 'deleted' };
    },
  },
};
