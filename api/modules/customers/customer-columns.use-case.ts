import { CUSTOMER_COLUMN_CATALOGUE } from '../../../lib/contracts/customer.contract';
import { listColumnsStore } from '../list-columns/list-columns.use-case';

/** The 客户 list's columns (R-3.1.1-05), or the manual's default (I-39) until the user chooses. */
export const customerColumns = listColumnsStore('columns', CUSTOMER_COLUMN_CATALOGUE);
