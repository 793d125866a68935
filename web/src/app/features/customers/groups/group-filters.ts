import { CustomerGroupFilters } from './customer-groups.models';

const pad = (n: number) => String(n).padStart(2, '0');
const day = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The search form as the list's query: empty fields are left out, date ranges become whole days. */
export function toFilters(form: {
  keyword: string;
  ownerUserids: string[];
  groupTagIds: string[];
  lastMessageRange: Date[];
  createdRange: Date[];
}): CustomerGroupFilters {
  const filters: CustomerGroupFilters = {};
  if (form.keyword.trim()) filters.keyword = form.keyword.trim();
  if (form.ownerUserids.length) filters.ownerUserid = [...form.ownerUserids];
  if (form.groupTagIds.length) filters.groupTagId = [...form.groupTagIds];
  if (form.lastMessageRange.length === 2) {
    filters.lastMessageFrom = day(form.lastMessageRange[0]);
    filters.lastMessageTo = day(form.lastMessageRange[1]);
  }
  if (form.createdRange.length === 2) {
    filters.createdFrom = day(form.createdRange[0]);
    filters.createdTo = day(form.createdRange[1]);
  }
  return filters;
}
