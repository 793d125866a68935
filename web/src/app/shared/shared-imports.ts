import { ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';

/** What almost every page uses; page-specific ng-zorro modules are imported by the page itself. */
export const SHARED_IMPORTS = [
  ReactiveFormsModule,
  RouterLink,
  NzButtonModule,
  NzFormModule,
  NzIconModule,
  NzInputModule,
] as const;
