import { scenarioKind } from './scenario-kind';

describe('scenarioKind', () => {
  it.each<[unknown, string | null]>([
    [{ rules: [] }, 'approvals'],
    [{ directory: {} }, 'approvals'],
    [{ catalog: [] }, 'orders'],
    [{ name: 'x' }, null],
    [[], null],
    [null, null],
    ['text', null],
  ])('%p → %p', (scenario, kind) => {
    expect(scenarioKind(scenario)).toBe(kind);
  });
});
