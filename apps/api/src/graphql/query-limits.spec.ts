import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { queryLimitRules } from './query-limits.js';

const schema = buildSchema(`
  type Query {
    complaints(first: Int, after: String): ComplaintConnection!
    complaint(id: ID!): Complaint
    search(text: String, tags: [String!]): [Complaint!]!
  }
  type ComplaintConnection { edges: [Edge!]! }
  type Edge { node: Complaint! }
  type Complaint { id: ID! title: String! related: Complaint responses: [Response!]! }
  type Response { message: String! }
`);

const errorsOf = (query: string, limits = { maxDepth: 6, maxComplexity: 500 }) =>
  validate(schema, parse(query), [...specifiedRules, ...queryLimitRules(limits)]).map((e) => ({
    message: e.message,
    reason: e.extensions.reason,
  }));

describe('query limits', () => {
  it('counts depth through fragments and inline fragments', () => {
    expect(errorsOf('{ complaint(id: 1) { related { related { related { related { id } } } } } }')).toEqual([]);
    expect(
      errorsOf(
        '{ complaint(id: 1) { ...A } } fragment A on Complaint { related { related { related { ... on Complaint { related { related { id } } } } } } }',
      ),
    ).toEqual([{ message: 'The operation nests fields 7 deep; at most 6 is allowed', reason: 'QUERY_TOO_DEEP' }]);
  });

  it('multiplies the cost of a page by its size, assuming the largest page when a variable decides', () => {
    // complaints 1 + 4 fields × 100 items = 401
    expect(errorsOf('{ complaints(first: 100) { edges { node { id title } } } }')).toEqual([]);
    // Default page of 20 without `first`.
    expect(errorsOf('{ a: complaints { edges { node { id } } } b: complaints { edges { node { id } } } }')).toEqual([]);
    expect(
      errorsOf('query ($n: Int) { complaints(first: $n) { edges { node { id title responses { message } } } } }'),
    ).toEqual([{ message: expect.stringMatching(/estimated cost exceeds 500/), reason: 'QUERY_TOO_COMPLEX' }]);
    expect(
      errorsOf('query ($n: Int = 10) { complaints(first: $n) { edges { node { id title responses { message } } } } }'),
    ).toEqual([]);
  });

  it('lets the standard introspection query through, but not introspection nested deeper in lists', () => {
    expect(errorsOf(getIntrospectionQuery())).toEqual([]);
    // graphql-js refuses it too (MaxIntrospectionDepthRule); this rule does not rely on that.
    expect(
      errorsOf('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }'),
    ).toContainEqual({
      message: expect.stringMatching(/Introspection may nest at most/),
      reason: 'QUERY_TOO_DEEP',
    });
  });

  it('stays bounded on fragments that spread each other many times over', () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i + 1} on Complaint { ...F${i} ...F${i} }`);
    const query = `{ complaint(id: 1) { ...F30 } } fragment F0 on Complaint { __typename } ${fragments.join(' ')}`;
    const started = performance.now();
    expect(errorsOf(query)).toContainEqual({
      message: expect.stringMatching(/too large to evaluate/),
      reason: 'QUERY_TOO_COMPLEX',
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('caps string and list literals, and refuses text PostgreSQL cannot store', () => {
    expect(errorsOf(`{ search(text: "${'x'.repeat(10_001)}") { id } }`)).toEqual([
      {
        message: 'A string in the query is 10001 characters long; at most 10000 are accepted',
        reason: 'VALUE_TOO_LONG',
      },
    ]);
    expect(errorsOf(`{ search(tags: [${Array.from({ length: 101 }, () => '"t"').join(',')}]) { id } }`)).toEqual([
      { message: 'A list in the query has 101 items; at most 100 are accepted', reason: 'LIST_TOO_LONG' },
    ]);
    expect(errorsOf('{ search(text: "a\\u0000b") { id } }')).toEqual([
      {
        message: 'A string in the query contains a NUL character (\\u0000), which cannot be stored',
        reason: 'INVALID_CHARACTER',
      },
    ]);
  });
});
