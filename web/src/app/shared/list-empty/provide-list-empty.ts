import { EnvironmentProviders } from '@angular/core';
import { provideNzConfig } from 'ng-zorro-antd/core/config';

import { ListEmpty } from './list-empty';

/** Every ng-zorro table (and dropdown) without rows shows the admin's one empty state, ListEmpty. */
export function provideListEmpty(): EnvironmentProviders {
  return provideNzConfig({ empty: { nzDefaultEmptyContent: ListEmpty } });
}
