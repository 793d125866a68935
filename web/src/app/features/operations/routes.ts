import { Routes } from '@angular/router';

import { underConstructionRoute } from '../../shared/under-construction';

/** 客户运营 (§8) */
export default [underConstructionRoute('sop', 'SOP')] satisfies Routes;
