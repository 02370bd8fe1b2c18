import { countSubmits } from './rate-limits.js';

const body = (query: string, operationName?: string) => ({ query, operationName });

describe('counting the complaints a request submits', () => {
  it('counts submitComplaint fields of the mutation that runs, aliases and fragments included', () => {
    expect(countSubmits(body('mutation { submitComplaint(input: $i) { id } }'))).toBe(1);
    expect(
      countSubmits(body('mutation { a: submitComplaint(input: $i) { id } b: submitComplaint(input: $i) { id } }')),
    ).toBe(2);
    expect(
      countSubmits(
        body(
          'mutation { ...Two ... on Mutation { submitComplaint(input: $i) { id } } } fragment Two on Mutation { x: submitComplaint(input: $i) { id } y: submitComplaint(input: $i) { id } }',
        ),
      ),
    ).toBe(3);
  });

  it('counts the operation named by operationName only', () => {
    const document = 'query Read { agencies { code } } mutation Write { submitComplaint(input: $i) { id } }';
    expect(countSubmits(body(document, 'Read'))).toBe(0);
    expect(countSubmits(body(document, 'Write'))).toBe(1);
    expect(countSubmits(body(document))).toBe(0);
  });

  it('counts fragments spread in fragments once each, so nesting cannot multiply the work', () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i + 1} on Mutation { ...F${i} ...F${i} }`);
    const document = `mutation { ...F40 } fragment F0 on Mutation { submitComplaint(input: $i) { id } } ${fragments.join(' ')}`;
    expect(countSubmits(body(document))).toBe(2 ** 40);
  });

  it('counts 0 for what GraphQL would refuse or never run as a mutation', () => {
    expect(countSubmits(body('{ submitComplaint }'))).toBe(0);
    expect(countSubmits(body('mutation { submitComplaint('))).toBe(0);
    expect(countSubmits({ query: 42 })).toBe(0);
    expect(countSubmits(null)).toBe(0);
    expect(countSubmits('mutation { submitComplaint { id } }')).toBe(0);
    expect(
      countSubmits([
        body('mutation { submitComplaint(input: $i) { id } }'),
        body('mutation { submitComplaint(input: $i) { id } }'),
      ]),
    ).toBe(2);
  });
});
