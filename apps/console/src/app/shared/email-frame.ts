import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';

/**
 * Shows an email's HTML as the recipient's mail client would, inline styles included. Angular's
 * sanitizer would strip those styles, so it is bypassed — safely, because the frame is sandboxed
 * without `allow-scripts` or `allow-same-origin`: nothing inside can run or reach the console.
 */
@Component({
  selector: 'sg-email-frame',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `iframe { width: 100%; height: var(--sg-email-height, 600px); border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; background: #fff; }`,
  template: `<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" [srcdoc]="trusted()" [title]="label()"></iframe>`,
})
export class EmailFrame {
  private readonly sanitizer = inject(DomSanitizer);
  readonly html = input.required<string>();
  readonly label = input('Email');
  protected readonly trusted = computed(() => this.sanitizer.bypassSecurityTrustHtml(this.html()));
}
