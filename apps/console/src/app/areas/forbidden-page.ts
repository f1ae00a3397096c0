import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'sg-forbidden-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <div class="page-header"><h1>Not allowed</h1></div>
      <p>Your roles do not include this area. Ask an administrator if you need access. <a routerLink="/dashboard">Back to the dashboard</a>.</p>
    </div>
  `,
})
export class ForbiddenPage {}
