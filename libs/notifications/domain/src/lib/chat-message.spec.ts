import {
  escapeMrkdwn,
  formatChatMessage,
  type ChatMessageInput,
} from './chat-message';

const INPUT: ChatMessageInput = {
  kind: 'request',
  quoteNumber: 'Q-00042',
  quoteName: 'Renewal',
  accountName: 'Smith & <Sons>',
  ownerName: 'Sam',
  netTotal: '81,600.00',
  currency: 'EUR',
  assignees: ['Avery', 'Blake'],
  reasons: [{ rule: 'Deep discount', text: 'Discount 32% > 20%' }],
  links: {
    quote: 'http://x/quotes/1',
    approve: 'http://x/a/tokA',
    reject: 'http://x/a/tokR',
  },
};

describe('formatChatMessage', () => {
  it('a request carries approve, reject and quote buttons', () => {
    const message = formatChatMessage(INPUT);
    const actions = message.blocks[2] as {
      elements: { url: string; style?: string; text: { text: string } }[];
    };
    expect(actions.elements.map((b) => [b.text.text, b.url, b.style])).toEqual([
      ['Approve', 'http://x/a/tokA', 'primary'],
      ['Reject', 'http://x/a/tokR', 'danger'],
      ['Open quote', 'http://x/quotes/1', undefined],
    ]);
    expect(message.text).toContain(
      '<http://x/a/tokA|Approve> · <http://x/a/tokR|Reject>',
    );
  });

  it('escapes mrkdwn control characters', () => {
    const message = formatChatMessage(INPUT);
    expect(message.text).toContain(
      'for Smith &amp; &lt;Sons&gt; (81,600.00 EUR)',
    );
    expect(message.text).toContain('• *Deep discount*: Discount 32% &gt; 20%');
    expect(escapeMrkdwn('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
  });

  it.each<[ChatMessageInput['kind'], string]>([
    ['approved', '*Quote approved by Avery:*'],
    ['rejected', '*Quote rejected by Avery:*'],
  ])(
    '%s names who decided, quotes the comment and has no decision buttons',
    (kind, headline) => {
      const message = formatChatMessage({
        ...INPUT,
        kind,
        decisionBy: 'Avery',
        comment: 'Too deep\nsorry',
        links: { quote: 'http://x/quotes/1' },
      });
      expect(message.text).toContain(headline);
      expect(message.text).toContain('> Too deep\n> sorry');
      expect(message.text).not.toContain('Approve>');
      expect(
        (message.blocks[2] as { elements: unknown[] }).elements,
      ).toHaveLength(1);
    },
  );
});
