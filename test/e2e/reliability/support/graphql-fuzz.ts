import fc from 'fast-check';
import {
  buildClientSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';

/** One HTTP request the fuzzer sends: a body (usually GraphQL JSON) and who sends it. */
export interface FuzzRequest {
  readonly operation: string;
  readonly body: string;
  readonly bearer: string | null;
}

/** Facts that make generated values land on real data often enough to reach deep code paths. */
export interface FuzzWorld {
  readonly complaintIds: readonly string[];
  readonly agencyCodes: readonly string[];
  readonly bearers: readonly (string | null)[];
}

interface Operation {
  readonly name: string;
  readonly document: string;
  readonly variables: readonly { readonly name: string; readonly type: GraphQLInputType }[];
}

export const schemaFrom = (introspection: IntrospectionQuery): GraphQLSchema => buildClientSchema(introspection);

/**
 * Every query and mutation of the schema, each with its arguments as variables and its scalar
 * fields selected: new operations are fuzzed as soon as they exist.
 */
export function operationsOf(schema: GraphQLSchema): Operation[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {}).map((field) => {
      const variables = field.args.map((arg, index) => ({ name: `v${index}`, type: arg.type, arg: arg.name }));
      const declarations = variables.map((v) => `$${v.name}: ${String(v.type)}`).join(', ');
      const args = variables.map((v) => `${v.arg}: $${v.name}`).join(', ');
      return {
        name: `${kind} ${field.name}`,
        document: `${kind} Fuzz${declarations ? `(${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection(field)} }`,
        variables,
      };
    }),
  );
}

function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  if (!isObjectType(type) && !isInterfaceType(type)) return ' { __typename }';
  const leaves = Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name)
    .slice(0, 12);
  return ` { __typename ${leaves.join(' ')} }`;
}

const strings = (world: FuzzWorld): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 5, maxLength: 220 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 4_000, maxLength: 12_000 }) },
    { weight: 2, arbitrary: fc.constantFrom(...world.agencyCodes) },
    { weight: 1, arbitrary: fc.constantFrom(...world.complaintIds) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '',
        ' ',
        '\u0000',
        'a\u0000b',
        '\ud800',
        '\udfff\ud800',
        '\u202e\u0301',
        '𝕏'.repeat(3000),
        "'; DROP TABLE events; --",
        '{"$gt": ""}',
        '../../etc/passwd',
        'null',
        '0812345678',
        '+62 812 3456 7890',
        'budi@example.com',
        'ZmFrZQ',
        'eyJvcmRlciI6MX0',
        '2026-02-30T25:61:00Z',
        'P14D',
      ),
    },
  );

const integers = fc.oneof(
  fc.integer(),
  fc.integer({ min: -5, max: 120 }),
  fc.constantFrom(0, -1, 1, 100, 101, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1e308),
  fc.double(),
);

/** Arbitrary JSON of any shape: the wrong type anywhere. */
const junk: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 2,
  maxKeys: 4,
  values: [fc.string({ unit: 'binary', maxLength: 20 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null)],
});

/** Values shaped by the input type most of the time, and anything at all some of the time. */
export function valueFor(type: GraphQLInputType, world: FuzzWorld, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 4) return junk;
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 12, arbitrary: valueFor(type.ofType, world, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }
  const typed = typedValue(type, world, depth);
  return fc.oneof(
    { weight: 10, arbitrary: typed },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
    { weight: 1, arbitrary: junk },
  );
}

function typedValue(type: GraphQLInputType, world: FuzzWorld, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type)) return fc.array(valueFor(type.ofType, world, depth + 1), { maxLength: 6 });
  if (isNonNullType(type)) return valueFor(type, world, depth);
  if (isEnumType(type)) {
    return fc.oneof(fc.constantFrom(...type.getValues().map((v) => v.name)), strings(world));
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record = fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, world, depth + 1)])), {
      requiredKeys: [],
    });
    return fc.oneof(
      { weight: 6, arbitrary: record },
      {
        weight: 1,
        arbitrary: fc.tuple(record, fc.string({ maxLength: 12 }), junk).map(([r, k, v]) => ({ ...r, [k]: v })),
      },
    );
  }
  switch (type.name) {
    case 'ID':
      return fc.oneof(fc.constantFrom(...world.complaintIds), fc.uuid(), strings(world));
    case 'Int':
      return integers;
    case 'Float':
      return fc.double();
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        strings(world),
        integers,
      );
    case 'String':
      return strings(world);
    default:
      return junk;
  }
}

/** A request for one operation of the schema with generated variables, or malformed input of another kind. */
export function requests(schema: GraphQLSchema, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const bearer = fc.constantFrom(...world.bearers);
  const operations = operationsOf(schema).map((operation) =>
    fc
      .tuple(
        fc.record(Object.fromEntries(operation.variables.map((v) => [v.name, valueFor(v.type, world)])), {
          requiredKeys: [],
        }),
        bearer,
      )
      .map(([variables, token]) => ({
        operation: operation.name,
        body: JSON.stringify({ query: operation.document, variables }),
        bearer: token,
      })),
  );
  const malformed = fc.oneof(
    // Any text as the query, any JSON as the body, bodies that are not JSON objects at all.
    fc.tuple(strings(world), junk).map(([query, variables]) => JSON.stringify({ query, variables })),
    junk.map((body) => JSON.stringify(body) ?? 'null'),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .tuple(fc.constantFrom(...operationsOf(schema)), junk, fc.string({ maxLength: 30 }))
      .map(([op, variables, operationName]) => JSON.stringify({ query: op.document, variables, operationName })),
  );
  return fc.oneof(
    { weight: 12, arbitrary: fc.oneof(...operations) },
    {
      weight: 1,
      arbitrary: fc.tuple(malformed, bearer).map(([body, token]) => ({ operation: 'malformed', body, bearer: token })),
    },
  );
}
