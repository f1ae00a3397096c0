import type { NotificationKind } from './notification-kind';

/** One pending notification as the digest shows it (already rendered, links already signed). */
export interface DigestItem {
  readonly kind: NotificationKind;
  readonly title: string;
  readonly quoteNumber: string;
  readonly accountName: string;
  readonly at: Date;
  readonly links: {
    readonly quote: string;
    readonly approve?: string;
    readonly reject?: string;
  };
}

export interface DigestMessage {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

const ORDER: readonly NotificationKind[] = [
  'escalation',
  'reminder',
  'request',
  'reassigned',
  'rejected',
  'approved',
  'recalled',
];
const HEADINGS: Record<NotificationKind, string> = {
  escalation: 'Escalated to you',
  reminder: 'Still waiting for you',
  request: 'New approval requests',
  reassigned: 'Reassigned to you',
  rejected: 'Rejected',
  approved: 'Approved',
  recalled: 'Recalled',
};

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * One email for everything a user collected since the last digest, grouped by what needs them
 * most (escalations first), oldest first within a group. Decision links stay one-tap.
 */
export function composeDigest(
  recipientName: string,
  items: readonly DigestItem[],
): DigestMessage {
  if (items.length === 0)
    throw new RangeError('a digest needs at least one item');
  const groups = ORDER.map((kind) => ({
    kind,
    items: items
      .filter((i) => i.kind === kind)
      .sort((a, b) => a.at.getTime() - b.at.getTime()),
  })).filter((g) => g.items.length > 0);
  const waiting = items.filter((i) => i.links.approve).length;
  const subject =
    waiting > 0
      ? `Signet digest: ${plural(waiting, 'approval')} waiting for you`
      : `Signet digest: ${plural(items.length, 'update')}`;
  const text = [
    `Hello ${recipientName},`,
    '',
    ...groups.flatMap((g) => [
      `${HEADINGS[g.kind]} (${g.items.length})`,
      ...g.items.flatMap((i) => [
        `- ${i.quoteNumber} · ${i.accountName}: ${i.title}`,
        ...(i.links.approve ? [`  Approve: ${i.links.approve}`] : []),
        ...(i.links.reject ? [`  Reject:  ${i.links.reject}`] : []),
        `  Quote:   ${i.links.quote}`,
      ]),
      '',
    ]),
    'You receive digests because of your notification preferences in Signet.',
    '',
  ].join('\n');
  const button = (href: string, label: string, color: string) =>
    `<a href="${escapeHtml(href)}" style="display:inline-block;margin:4px 8px 0 0;padding:8px 18px;background:${color};color:#fff;text-decoration:none;border-radius:6px;font-weight:600">${label}</a>`;
  const html = `<!doctype html>
<html><body style="margin:0;padding:16px;background:#f4f5f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2937">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:20px 24px">
<p style="font-size:15px">Hello ${escapeHtml(recipientName)},</p>
${groups
  .map(
    (
      g,
    ) => `<h2 style="font-size:16px;margin:20px 0 8px">${HEADINGS[g.kind]} (${g.items.length})</h2>
${g.items
  .map(
    (
      i,
    ) => `<div style="padding:10px 0;border-top:1px solid #e5e7eb;font-size:14px">
<strong>${escapeHtml(i.quoteNumber)}</strong> · ${escapeHtml(i.accountName)}<br>${escapeHtml(i.title)}<br>
${i.links.approve ? button(i.links.approve, 'Approve', '#15803d') : ''}${i.links.reject ? button(i.links.reject, 'Reject', '#b91c1c') : ''}<a href="${escapeHtml(i.links.quote)}" style="color:#2563eb">Open quote</a>
</div>`,
  )
  .join('\n')}`,
  )
  .join('\n')}
<p style="font-size:12px;color:#6b7280;margin-top:20px">You receive digests because of your notification preferences in Signet.</p>
</div></body></html>
`;
  return { subject, html, text };
}
