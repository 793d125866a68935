import { Routes } from '@angular/router';

import { underConstructionRoute } from '../../shared/under-construction';

/** 会话存档 (§5) */
export default [
  underConstructionRoute('messages', '内容存档'),
  underConstructionRoute('sensitive-words', '敏感消息管理'),
  underConstructionRoute('sensitive-behaviors', '敏感行为审核'),
] satisfies Routes;
