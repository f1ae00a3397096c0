import { DEFAULT_TEMPLATES } from './default-templates';
import {
  renderTemplate,
  type TemplateParts,
  templateProblemsAsFieldErrors,
  validateTemplate,
} from './render-template';
import {
  sampleTemplateContext,
  TEMPLATE_EVENTS,
  type TemplateContext,
  templateVariableNames,
} from './template-context';

const OK: TemplateParts = {
  subject: 'Quote {{quote.number}}',
  html: '<p>{{account.name}}</p>',
  text: '{{account.name}}',
};

describe('default templates', () => {
  it.each(TEMPLATE_EVENTS)('%s is valid and renders every part', (event) => {
    expect(validateTemplate(DEFAULT_TEMPLATES[event])).toEqual([]);
    const message = renderTemplate(
      DEFAULT_TEMPLATES[event],
      sampleTemplateContext(event),
    );
    expect(message.subject).toContain('Q-00042');
    expect(message.subject).toContain('Acme Corporation');
    expect(message.html).toContain('<!doctype html>');
    expect(message.html).toContain('81,600.00 EUR');
    expect(message.text).toContain('Net total: 81,600.00 EUR');
    expect(message.text).toContain(
      '- Deep discount: Discount 32% is greater than 20%',
    );
    expect(message.text).toContain('http://127.0.0.1:3000/quotes/sample');
  });

  it('the request email carries both one-tap links in HTML and text', () => {
    const message = renderTemplate(
      DEFAULT_TEMPLATES.request,
      sampleTemplateContext('request'),
    );
    expect(message.html).toContain(
      'href="http://127.0.0.1:3000/a/sample-approve-token"',
    );
    expect(message.html).toContain(
      'href="http://127.0.0.1:3000/a/sample-reject-token"',
    );
    expect(message.text).toMatch(
      /Approve: http:\/\/127\.0\.0\.1:3000\/a\/sample-approve-token\nReject: {2}http:\/\/127\.0\.0\.1:3000\/a\/sample-reject-token/,
    );
  });

  it.each<[string, Partial<TemplateContext>, string, boolean]>([
    [
      'shows a notice when there is one',
      { notice: 'Reminder: waiting 8 business hours' },
      'Reminder: waiting 8 business hours',
      true,
    ],
    [
      'hides the notice box without one',
      { notice: '' },
      'background:#fff7ed',
      false,
    ],
    [
      'hides the reasons heading without reasons',
      { reasons: [] },
      'Why approval is needed',
      false,
    ],
  ])('request: %s', (_name, change, needle, present) => {
    const html = renderTemplate(DEFAULT_TEMPLATES.request, {
      ...sampleTemplateContext('request'),
      ...change,
    }).html;
    expect(html.includes(needle)).toBe(present);
  });

  it('the rejection shows the comment', () => {
    expect(
      renderTemplate(
        DEFAULT_TEMPLATES.rejected,
        sampleTemplateContext('rejected'),
      ).text,
    ).toContain('Comment: Discount too deep for a renewal.');
  });
});

describe('renderTemplate', () => {
  const hostile: TemplateContext = {
    ...sampleTemplateContext('request'),
    account: { name: '<script>alert(1)</script> & Sons' },
  };

  it('escapes variables in HTML but not in text or subject', () => {
    const message = renderTemplate(OK, hostile);
    expect(message.html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons</p>',
    );
    expect(message.text).toBe('<script>alert(1)</script> & Sons');
  });

  it('keeps the subject on one line', () => {
    const message = renderTemplate(
      { ...OK, subject: '{{quote.number}}  {{notice}}' },
      { ...hostile, notice: 'two\nlines' },
    );
    expect(message.subject).toBe('Q-00042 two lines');
  });

  it('refuses to render an invalid template', () => {
    expect(() => renderTemplate({ ...OK, text: '{{nope}}' }, hostile)).toThrow(
      /text line 1: unknown variable 'nope'/,
    );
  });
});

describe('validateTemplate', () => {
  it.each<[string, Partial<TemplateParts>, string, number, RegExp]>([
    [
      'unknown variable',
      { html: '<p>\n{{quote.nmber}}</p>' },
      'html',
      2,
      /unknown variable 'quote.nmber' \(known here: number, name\)/,
    ],
    [
      'unknown root',
      { text: 'a\nb\nHi {{customer}}' },
      'text',
      3,
      /unknown variable 'customer'/,
    ],
    [
      'field of a value',
      { text: '{{step.number}}' },
      'text',
      1,
      /unknown variable 'step.number'/,
    ],
    [
      'unclosed mustache',
      { html: '<p>\n<b>{{quote.number</b>' },
      'html',
      2,
      /syntax error/,
    ],
    [
      'mismatched block',
      { html: 'a\n{{#if notice}}\nx {{/each}}' },
      'html',
      2,
      /if doesn't match each/,
    ],
    [
      'unknown helper',
      { text: 'x\n{{uppercase quote.number}}' },
      'text',
      2,
      /unknown helper 'uppercase'/,
    ],
    [
      'unknown block',
      { text: '{{#with quote}}{{number}}{{/with}}' },
      'text',
      1,
      /unknown block '#with'/,
    ],
    [
      'each over a value',
      { text: '{{#each quote.number}}x{{/each}}' },
      'text',
      1,
      /needs a list/,
    ],
    [
      'item field outside the list',
      { text: '{{#each reasons}}{{rule}}{{/each}} {{rule}}' },
      'text',
      1,
      /unknown variable 'rule'/,
    ],
    [
      'unknown item field',
      { text: 'x\n{{#each reasons}}\n{{rules}}{{/each}}' },
      'text',
      3,
      /unknown variable 'rules' \(known here: rule, text\)/,
    ],
    ['partial', { html: '{{> footer}}' }, 'html', 1, /partials/],
    [
      'unknown data variable',
      { text: '{{#each reasons}}{{@foo}}{{/each}}' },
      'text',
      1,
      /unknown data variable '@foo'/,
    ],
    [
      'parent above the top',
      { text: '{{../quote.number}}' },
      'text',
      1,
      /above the top/,
    ],
    ['empty subject', { subject: '  ' }, 'subject', 1, /must not be empty/],
    ['two-line subject', { subject: 'a\nb' }, 'subject', 2, /single line/],
    [
      'too long subject',
      { subject: 'x'.repeat(301) },
      'subject',
      1,
      /too long/,
    ],
    ['if without a variable', { text: '{{#if}}x{{/if}}' }, 'text', 1, /./],
  ])('refuses %s with its line', (_name, change, part, line, message) => {
    const problems = validateTemplate({ ...OK, ...change });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          part,
          line,
          message: expect.stringMatching(message),
        }),
      ]),
    );
  });

  it.each<[string, string]>([
    [
      'parent scope inside each',
      '{{#each reasons}}{{../quote.number}} {{rule}}{{/each}}',
    ],
    [
      '@root inside each',
      '{{#each reasons}}{{@root.account.name}}: {{this.text}} #{{@index}}{{/each}}',
    ],
    [
      'if/else and unless',
      '{{#if decision.comment}}{{decision.comment}}{{else}}none{{/if}}{{#unless notice}}quiet{{/unless}}',
    ],
    ['each with else', '{{#each reasons}}{{text}}{{else}}no reasons{{/each}}'],
    ['comments and triple stash', '{{!-- note --}}{{{links.approve}}}'],
  ])('accepts %s', (_name, text) => {
    expect(validateTemplate({ ...OK, text })).toEqual([]);
  });

  it('reports every problem, one per part and line', () => {
    const problems = validateTemplate({
      subject: '{{nope}}',
      html: '<p>{{a}}</p>\n{{b}}',
      text: 'ok',
    });
    expect(templateProblemsAsFieldErrors(problems, 'template.')).toEqual([
      {
        field: 'template.subject',
        message:
          "line 1: unknown variable 'nope' (known here: recipient, quote, account, owner, totals, reasons, step, links, decision, notice)",
      },
      {
        field: 'template.html',
        message: expect.stringMatching(/^line 1: unknown variable 'a'/),
      },
      {
        field: 'template.html',
        message: expect.stringMatching(/^line 2: unknown variable 'b'/),
      },
    ]);
  });
});

describe('templateVariableNames', () => {
  it('lists every variable with list items marked', () => {
    const names = templateVariableNames();
    expect(names).toEqual(
      expect.arrayContaining([
        'quote.number',
        'account.name',
        'totals.net',
        'reasons',
        'reasons[].rule',
        'links.approve',
        'decision.comment',
        'notice',
        'step',
      ]),
    );
    expect(names).not.toContain('quote');
  });
});
