import type { TemplateParts } from './render-template';
import type { TemplateEvent } from './template-context';

// Email HTML: one table column, inline styles, system fonts, buttons as links — renders the same
// on phones and in clients that strip <style>. Shared pieces are plain string constants so that
// a user editing one event's template sees complete, self-contained HTML.

const open = (title: string) => `<!doctype html>
<html><body style="margin:0;padding:0;background:#f4f5f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2937">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px">
<tr><td style="padding:20px 24px;border-bottom:1px solid #e5e7eb;font-size:18px;font-weight:600">${title}</td></tr>`;

const summary = `<tr><td style="padding:16px 24px;font-size:15px;line-height:1.5">
{{#if notice}}<p style="margin:0 0 12px;padding:8px 12px;background:#fff7ed;border-radius:6px">{{notice}}</p>{{/if}}
<table role="presentation" cellpadding="0" cellspacing="0" style="font-size:15px">
<tr><td style="color:#6b7280;padding:2px 12px 2px 0">Quote</td><td><strong>{{quote.number}}</strong> {{quote.name}}</td></tr>
<tr><td style="color:#6b7280;padding:2px 12px 2px 0">Account</td><td>{{account.name}}</td></tr>
<tr><td style="color:#6b7280;padding:2px 12px 2px 0">Owner</td><td>{{owner.name}}</td></tr>
<tr><td style="color:#6b7280;padding:2px 12px 2px 0">Net total</td><td><strong>{{totals.net}} {{totals.currency}}</strong> (list {{totals.list}}, discount {{totals.discountPercent}}%)</td></tr>
</table>
{{#if reasons}}<p style="margin:16px 0 4px;font-weight:600">Why approval is needed</p>
<ul style="margin:0;padding-left:20px">{{#each reasons}}<li><strong>{{rule}}</strong>: {{text}}</li>{{/each}}</ul>{{/if}}
</td></tr>`;

const close = `<tr><td style="padding:12px 24px 20px;font-size:13px;color:#6b7280"><a href="{{links.quote}}" style="color:#2563eb">Open the quote in Signet</a></td></tr>
</table></td></tr></table>
</body></html>
`;

const textSummary = `{{#if notice}}{{notice}}

{{/if}}Quote:     {{quote.number}} {{quote.name}}
Account:   {{account.name}}
Owner:     {{owner.name}}
Net total: {{totals.net}} {{totals.currency}} (list {{totals.list}}, discount {{totals.discountPercent}}%)
{{#if reasons}}
Why approval is needed:
{{#each reasons}}- {{rule}}: {{text}}
{{/each}}{{/if}}`;

export const DEFAULT_TEMPLATES: Readonly<Record<TemplateEvent, TemplateParts>> =
  {
    request: {
      subject:
        'Approval needed: {{quote.number}} for {{account.name}} ({{totals.net}} {{totals.currency}})',
      html: `${open('Your approval is needed')}
<tr><td style="padding:16px 24px 0;font-size:15px">Hello {{recipient.name}}, {{owner.name}} asks you to approve this quote (step {{step}}).</td></tr>
${summary}
<tr><td style="padding:8px 24px 8px">
<a href="{{links.approve}}" style="display:inline-block;margin:0 8px 8px 0;padding:12px 28px;background:#15803d;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">Approve</a>
<a href="{{links.reject}}" style="display:inline-block;margin:0 0 8px;padding:12px 28px;background:#b91c1c;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">Reject</a>
<p style="margin:4px 0 0;font-size:13px;color:#6b7280">Each link asks you to confirm and lets you add a comment. The links work once and expire.</p>
</td></tr>
${close}`,
      text: `Hello {{recipient.name}},

{{owner.name}} asks you to approve this quote (step {{step}}).

${textSummary}
Approve: {{links.approve}}
Reject:  {{links.reject}}
(Each link asks you to confirm and lets you add a comment. The links work once and expire.)

Quote in Signet: {{links.quote}}
`,
    },
    approved: {
      subject: 'Approved: {{quote.number}} for {{account.name}}',
      html: `${open('Quote approved')}
<tr><td style="padding:16px 24px 0;font-size:15px">Hello {{recipient.name}}, {{decision.by}} approved this quote{{#if decision.at}} on {{decision.at}}{{/if}}.{{#if decision.comment}}<br><em>“{{decision.comment}}”</em>{{/if}}</td></tr>
${summary}
${close}`,
      text: `Hello {{recipient.name}},

{{decision.by}} approved this quote{{#if decision.at}} on {{decision.at}}{{/if}}.
{{#if decision.comment}}Comment: {{decision.comment}}
{{/if}}
${textSummary}
Quote in Signet: {{links.quote}}
`,
    },
    rejected: {
      subject: 'Rejected: {{quote.number}} for {{account.name}}',
      html: `${open('Quote rejected')}
<tr><td style="padding:16px 24px 0;font-size:15px">Hello {{recipient.name}}, {{decision.by}} rejected this quote{{#if decision.at}} on {{decision.at}}{{/if}}.{{#if decision.comment}}<br><em>“{{decision.comment}}”</em>{{/if}}</td></tr>
${summary}
${close}`,
      text: `Hello {{recipient.name}},

{{decision.by}} rejected this quote{{#if decision.at}} on {{decision.at}}{{/if}}.
{{#if decision.comment}}Comment: {{decision.comment}}
{{/if}}
${textSummary}
Quote in Signet: {{links.quote}}
`,
    },
    recalled: {
      subject:
        'Recalled: {{quote.number}} for {{account.name}} no longer needs your approval',
      html: `${open('Approval request recalled')}
<tr><td style="padding:16px 24px 0;font-size:15px">Hello {{recipient.name}}, {{owner.name}} recalled this quote from approval. Nothing is waiting for you; earlier approve and reject links no longer work.</td></tr>
${summary}
${close}`,
      text: `Hello {{recipient.name}},

{{owner.name}} recalled this quote from approval. Nothing is waiting for you; earlier approve and reject links no longer work.

${textSummary}
Quote in Signet: {{links.quote}}
`,
    },
  };
