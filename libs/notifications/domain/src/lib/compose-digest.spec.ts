import { composeDigest, type DigestItem } from './compose-digest';

const item = (
  kind: DigestItem['kind'],
  n: number,
  at: string,
  decision = false,
): DigestItem => ({
  kind,
  title: `${kind} ${n}`,
  quoteNumber: `Q-${n}`,
  accountName: n === 2 ? 'Smith & <Sons>' : 'Acme',
  at: new Date(at),
  links: decision
    ? {
        quote: `http://x/q/${n}`,
        approve: `http://x/a/${n}a`,
        reject: `http://x/a/${n}r`,
      }
    : { quote: `http://x/q/${n}` },
});

describe('composeDigest', () => {
  const items = [
    item('request', 1, '2025-01-06T10:00:00Z', true),
    item('approved', 2, '2025-01-06T09:00:00Z'),
    item('escalation', 3, '2025-01-06T11:00:00Z', true),
    item('request', 4, '2025-01-06T08:00:00Z', true),
  ];
  const digest = composeDigest('Avery', items);

  it.each<[string, DigestItem[], string]>([
    [
      'counts waiting approvals',
      items,
      'Signet digest: 3 approvals waiting for you',
    ],
    ['one approval', [items[0]], 'Signet digest: 1 approval waiting for you'],
    ['updates only', [items[1]], 'Signet digest: 1 update'],
  ])('subject: %s', (_name, list, subject) => {
    expect(composeDigest('Avery', list).subject).toBe(subject);
  });

  it('groups escalations first, then requests oldest first, then outcomes', () => {
    const order = ['escalation 3', 'request 4', 'request 1', 'approved 2'].map(
      (t) => digest.text.indexOf(t),
    );
    expect(order.every((pos) => pos >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(digest.text).toContain('New approval requests (2)');
  });

  it('keeps one-tap links for items that ask for a decision', () => {
    expect(digest.text).toContain(
      '  Approve: http://x/a/1a\n  Reject:  http://x/a/1r',
    );
    expect(digest.html).toContain('href="http://x/a/3a"');
    expect(digest.html.match(/>Approve</g)).toHaveLength(3);
  });

  it('escapes HTML in names', () => {
    expect(digest.html).toContain('Smith &amp; &lt;Sons&gt;');
    expect(digest.text).toContain('Smith & <Sons>');
  });

  it('needs at least one item', () => {
    expect(() => composeDigest('Avery', [])).toThrow(RangeError);
  });
});
