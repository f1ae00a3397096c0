/** What happened, from a recipient's point of view. */
export type NotificationKind =
  | 'request'
  | 'reminder'
  | 'escalation'
  | 'approved'
  | 'rejected'
  | 'recalled'
  | 'reassigned';
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'request',
  'reminder',
  'escalation',
  'approved',
  'rejected',
  'recalled',
  'reassigned',
];

/** The template event a kind is sent with: reminders, escalations and reassignments ask for a decision like a request. */
export function templateEventOf(
  kind: NotificationKind,
): 'request' | 'approved' | 'rejected' | 'recalled' {
  switch (kind) {
    case 'request':
    case 'reminder':
    case 'escalation':
    case 'reassigned':
      return 'request';
    default:
      return kind;
  }
}

/** Kinds whose message carries approve/reject links for the recipient. */
export function asksForDecision(kind: NotificationKind): boolean {
  return templateEventOf(kind) === 'request';
}
