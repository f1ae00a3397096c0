import { Global, Injectable, Module } from '@nestjs/common';
import { Subject } from 'rxjs';

/**
 * "A quote's approvals changed" — emitted by the approvals service after its transaction
 * commits. Listeners (notifications) re-read the state and work out what happened; the event
 * carries nothing else, so the approvals code knows nothing about who listens.
 */
@Injectable()
export class ApprovalEvents {
  private readonly subject = new Subject<string>();
  readonly quoteChanged = this.subject.asObservable();

  changed(quoteId: string): void {
    this.subject.next(quoteId);
  }
}

@Global()
@Module({ providers: [ApprovalEvents], exports: [ApprovalEvents] })
export class ApprovalEventsModule {}
