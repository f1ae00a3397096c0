import type { NotificationKind } from './notification-kind';

/** What a chat message says about one request; links are absent for outcome messages. */
export interface ChatMessageInput {
  readonly kind: NotificationKind;
  readonly quoteNumber: string;
  readonly quoteName: string;
  readonly accountName: string;
  readonly ownerName: string;
  readonly netTotal: string;
  readonly currency: string;
  readonly assignees: readonly string[];
  readonly reasons: readonly { readonly rule: string; readonly text: string }[];
  readonly decisionBy?: string;
  readonly comment?: string;
  readonly links: {
    readonly quote: string;
    readonly approve?: string;
    readonly reject?: string;
  };
}

/** Slack incoming-webhook payload: `text` for clients without blocks (Mattermost, Rocket.Chat), `blocks` for Slack. */
export interface ChatMessage {
  readonly text: string;
  readonly blocks: readonly Record<string, unknown>[];
}

/** Slack's mrkdwn needs only these three escaped. */
export function escapeMrkdwn(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function link(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeMrkdwn(label)}>`;
}

const HEADLINE: Record<NotificationKind, string> = {
  request: 'Approval requested',
  reminder: 'Reminder: approval still waiting',
  escalation: 'Approval escalated',
  reassigned: 'Approval reassigned',
  approved: 'Quote approved',
  rejected: 'Quote rejected',
  recalled: 'Approval recalled',
};

export function formatChatMessage(input: ChatMessageInput): ChatMessage {
  const quote =
    `${escapeMrkdwn(input.quoteNumber)} ${escapeMrkdwn(input.quoteName)}`.trim();
  const who = input.decisionBy ? ` by ${escapeMrkdwn(input.decisionBy)}` : '';
  const headline = `*${HEADLINE[input.kind]}${who}:* ${link(input.links.quote, `${input.quoteNumber}`)} for ${escapeMrkdwn(input.accountName)} (${escapeMrkdwn(input.netTotal)} ${escapeMrkdwn(input.currency)})`;
  const details = [
    `Owner: ${escapeMrkdwn(input.ownerName)}`,
    input.assignees.length > 0
      ? `Approvers: ${input.assignees.map(escapeMrkdwn).join(', ')}`
      : '',
    ...input.reasons.map(
      (r) => `• *${escapeMrkdwn(r.rule)}*: ${escapeMrkdwn(r.text)}`,
    ),
    input.comment
      ? `> ${escapeMrkdwn(input.comment).replace(/\n/g, '\n> ')}`
      : '',
  ].filter(Boolean);
  const buttons = [
    input.links.approve
      ? {
          type: 'button',
          text: { type: 'plain_text', text: 'Approve' },
          style: 'primary',
          url: input.links.approve,
        }
      : null,
    input.links.reject
      ? {
          type: 'button',
          text: { type: 'plain_text', text: 'Reject' },
          style: 'danger',
          url: input.links.reject,
        }
      : null,
    {
      type: 'button',
      text: { type: 'plain_text', text: 'Open quote' },
      url: input.links.quote,
    },
  ].filter((b) => b !== null);
  const fallbackLinks = [
    input.links.approve ? link(input.links.approve, 'Approve') : '',
    input.links.reject ? link(input.links.reject, 'Reject') : '',
  ].filter(Boolean);
  return {
    text: [headline, ...details, fallbackLinks.join(' · ')]
      .filter(Boolean)
      .join('\n'),
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `${headline}\n${details.join('\n')}` },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: quote }] },
      { type: 'actions', elements: buttons },
    ],
  };
}
