import type { EntityManager } from 'typeorm';

export interface RequestState {
  id: string;
  ruleId: string;
  ruleName: string;
  step: number;
  status: 'waiting' | 'open' | 'approved' | 'rejected' | 'cancelled';
  assignees: string[];
  approvers: string[];
  reasons: { rule: string; text: string }[];
  lastDecision: { by: string; decision: 'approve' | 'reject'; comment: string | null; at: Date } | null;
}

export interface QuoteFacts {
  id: string;
  number: string;
  name: string;
  accountName: string;
  ownerId: string;
  currency: string;
  listTotal: string;
  netTotal: string;
  discountAmount: string;
  discountPercent: string;
}

/** A quote's latest submission as the notifier needs it: facts for messages and each request's state. */
export interface SubmissionState {
  id: string;
  outcome: 'pending' | 'approved' | 'rejected' | 'recalled' | 'voided';
  quote: QuoteFacts;
  requests: RequestState[];
}

function money(value: string | null): string {
  if (value === null) return '';
  const [whole, fraction = '00'] = value.split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  return `${negative ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

/** Reads with plain SQL: the approvals module owns these tables; this is a read-only view of them. */
export async function loadSubmissionState(manager: EntityManager, quoteId: string): Promise<SubmissionState | null> {
  const [row]: {
    id: string;
    outcome: SubmissionState['outcome'];
    plan: { entries?: { ruleId: string; reasons?: { text: string }[] }[] } | null;
    number: string;
    name: string;
    account_name: string | null;
    owner_id: string;
    currency: string | null;
    list_total: string;
    net_total: string;
    discount_amount: string;
    discount_percent: string | null;
  }[] = await manager.query(
    `SELECT s.id, s.outcome, s.plan, q.number, q.name, a.name AS account_name, q.owner_id, q.fields->>'currency' AS currency,
            q.list_total::text, q.net_total::text, q.discount_amount::text, q.discount_percent::text
       FROM approval_submissions s JOIN quotes q ON q.id = s.quote_id LEFT JOIN accounts a ON a.id = q.account_id
      WHERE s.quote_id = $1 ORDER BY s.sequence DESC LIMIT 1`,
    [quoteId],
  );
  if (!row) return null;
  const requests: { id: string; rule_id: string; rule_name: string; step: number; status: RequestState['status']; assignees: string[]; approvers: string[] }[] = await manager.query(
    `SELECT id, rule_id, rule_name, step, status, assignees, approvers FROM approval_requests WHERE submission_id = $1 ORDER BY step, rule_name, id`,
    [row.id],
  );
  const decisions: { request_id: string; actor_id: string; decision: 'approve' | 'reject'; comment: string | null; at: Date }[] = await manager.query(
    `SELECT DISTINCT ON (d.request_id) d.request_id, d.actor_id, d.decision, d.comment, d.at
       FROM approval_decisions d JOIN approval_requests r ON r.id = d.request_id WHERE r.submission_id = $1 ORDER BY d.request_id, d.id DESC`,
    [row.id],
  );
  const reasonsByRule = new Map((row.plan?.entries ?? []).map((e) => [e.ruleId, (e.reasons ?? []).map((r) => r.text)]));
  return {
    id: row.id,
    outcome: row.outcome,
    quote: {
      id: quoteId,
      number: row.number,
      name: row.name,
      accountName: row.account_name ?? '',
      ownerId: row.owner_id,
      currency: row.currency ?? '',
      listTotal: money(row.list_total),
      netTotal: money(row.net_total),
      discountAmount: money(row.discount_amount),
      discountPercent: row.discount_percent === null ? '0' : String(Number(row.discount_percent)),
    },
    requests: requests.map((r) => {
      const last = decisions.find((d) => d.request_id === r.id);
      return {
        id: r.id,
        ruleId: r.rule_id,
        ruleName: r.rule_name,
        step: r.step,
        status: r.status,
        assignees: r.assignees,
        approvers: r.approvers,
        reasons: (reasonsByRule.get(r.rule_id) ?? []).map((text) => ({ rule: r.rule_name, text })),
        lastDecision: last ? { by: last.actor_id, decision: last.decision, comment: last.comment, at: new Date(last.at) } : null,
      };
    }),
  };
}

export interface Person {
  id: string;
  email: string;
  displayName: string;
  active: boolean;
}

export async function loadPeople(manager: EntityManager, ids: Iterable<string>): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows: { id: string; email: string; display_name: string; active: boolean }[] = await manager.query(
    `SELECT id, email, display_name, active FROM users WHERE id = ANY($1::uuid[])`,
    [unique],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, email: r.email, displayName: r.display_name, active: r.active }]));
}
