import { Routes } from '@angular/router';

import { underConstructionRoute } from '../../shared/under-construction';

/** 统计分析 (§6) */
export default [
  underConstructionRoute('customers', '客户分析'),
  underConstructionRoute('staff', '员工分析'),
  underConstructionRoute('sensitive-behaviors', '敏感行为分析'),
] satisfies Routes;
