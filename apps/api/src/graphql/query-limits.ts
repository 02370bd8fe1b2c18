import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type GraphQLCompositeType,
  type GraphQLField,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './arguments.js';

export interface QueryLimits {
  /** Deepest nesting of fields an operation may select (introspection has its own bound). */
  readonly maxDepth: number;
  /** Highest estimated cost: each field counts 1, times the page sizes (`first`) of the lists around it. */
  readonly maxComplexity: number;
}

/** Longest string literal, and longest list literal, accepted inside a query document. */
export const MAX_LITERAL_STRING_LENGTH = 10_000;
export const MAX_LITERAL_LIST_LENGTH = 100;

/**
 * Introspection (when it is enabled) is measured apart: the standard introspection query is 15
 * fields deep, and what makes an introspection query expensive is lists nested in lists (types →
 * fields → args is the deepest the standard query needs).
 */
export const MAX_INTROSPECTION_DEPTH = 20;
export const MAX_INTROSPECTION_LIST_NESTING = 3;
const INTROSPECTION_LISTS = new Set([
  'types',
  'fields',
  'args',
  'inputFields',
  'interfaces',
  'possibleTypes',
  'enumValues',
  'directives',
]);

// PostgreSQL text cannot hold NUL; a lone UTF-16 surrogate is not a character at all (it would be
// stored as U+FFFD, silently changing what the client sent).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What makes a string unstorable as text, in words, or null when it is fine. */
export function unstorableCharacter(value: string): string | null {
  if (value.includes('\u0000')) return 'a NUL character (\\u0000), which cannot be stored';
  if (LONE_SURROGATE.test(value)) return 'a lone UTF-16 surrogate, which is not a character';
  return null;
}

/** Bounds the work of measuring: fragments spread in fragments can multiply a small document. */
const MAX_VISITS = 100_000;

/** The validation rules that bound what one operation may ask for, answered as BAD_USER_INPUT. */
export const queryLimitRules = (limits: QueryLimits): ValidationRule[] => [operationSizeRule(limits), literalSizeRule];

class LimitExceeded extends Error {
  constructor(
    readonly reason: 'QUERY_TOO_DEEP' | 'QUERY_TOO_COMPLEX',
    message: string,
  ) {
    super(message);
  }
}

function operationSizeRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      try {
        new OperationMeasure(context, operation, limits).measure();
      } catch (error) {
        if (!(error instanceof LimitExceeded)) throw error;
        context.reportError(
          new GraphQLError(error.message, {
            nodes: [operation],
            extensions: { code: 'BAD_USER_INPUT', reason: error.reason },
          }),
        );
      }
      return false;
    },
  });
}

class OperationMeasure {
  private cost = 0;
  private visits = 0;

  constructor(
    private readonly context: ValidationContext,
    private readonly operation: OperationDefinitionNode,
    private readonly limits: QueryLimits,
  ) {}

  measure(): void {
    const root = this.context.getSchema().getRootType(this.operation.operation) ?? null;
    this.walk(this.operation.selectionSet, root, 1, 1, null, new Set());
  }

  /**
   * Walks the fields at `depth`, each costing `multiplier`. Inside introspection, `introspection`
   * counts the lists entered so far. Stops at the first limit crossed.
   */
  private walk(
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType | null,
    depth: number,
    multiplier: number,
    introspection: { depth: number; lists: number } | null,
    fragments: ReadonlySet<string>,
  ): void {
    for (const selection of selectionSet.selections) {
      if (++this.visits > MAX_VISITS) {
        throw new LimitExceeded('QUERY_TOO_COMPLEX', 'The operation is too large to evaluate; ask for less');
      }
      switch (selection.kind) {
        case Kind.FIELD:
          this.field(selection, parent, depth, multiplier, introspection, fragments);
          break;
        case Kind.INLINE_FRAGMENT:
          this.walk(
            selection.selectionSet,
            selection.typeCondition ? this.compositeType(selection.typeCondition.name.value) : parent,
            depth,
            multiplier,
            introspection,
            fragments,
          );
          break;
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const fragment = this.context.getFragment(name);
          // Unknown or cyclic fragments are reported by graphql-js's own rules.
          if (fragment && !fragments.has(name)) {
            const type = this.compositeType(fragment.typeCondition.name.value);
            this.walk(fragment.selectionSet, type, depth, multiplier, introspection, new Set([...fragments, name]));
          }
          break;
        }
      }
    }
  }

  private field(
    field: FieldNode,
    parent: GraphQLCompositeType | null,
    depth: number,
    multiplier: number,
    introspection: { depth: number; lists: number } | null,
    fragments: ReadonlySet<string>,
  ): void {
    const name = field.name.value;
    if (name === '__typename') return;
    if (introspection || name === '__schema' || name === '__type') {
      const inside = {
        depth: (introspection?.depth ?? 0) + 1,
        lists: (introspection?.lists ?? 0) + (INTROSPECTION_LISTS.has(name) ? 1 : 0),
      };
      if (inside.depth > MAX_INTROSPECTION_DEPTH || inside.lists > MAX_INTROSPECTION_LIST_NESTING) {
        throw new LimitExceeded(
          'QUERY_TOO_DEEP',
          `Introspection may nest at most ${MAX_INTROSPECTION_DEPTH} fields and ${MAX_INTROSPECTION_LIST_NESTING} lists`,
        );
      }
      if (field.selectionSet) this.walk(field.selectionSet, null, depth, multiplier, inside, fragments);
      return;
    }
    if (depth > this.limits.maxDepth) {
      throw new LimitExceeded(
        'QUERY_TOO_DEEP',
        `The operation nests fields ${depth} deep; at most ${this.limits.maxDepth} is allowed`,
      );
    }
    this.cost += multiplier;
    if (this.cost > this.limits.maxComplexity) {
      throw new LimitExceeded(
        'QUERY_TOO_COMPLEX',
        `The operation is too complex: its estimated cost exceeds ${this.limits.maxComplexity} ` +
          '(each field counts once per item of the pages around it); ask for fewer fields or smaller pages',
      );
    }
    if (field.selectionSet) {
      const definition =
        parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
      const type = definition ? getNamedType(definition.type) : undefined;
      this.walk(
        field.selectionSet,
        type && isCompositeType(type) ? type : null,
        depth + 1,
        multiplier * this.pageSize(field, definition),
        null,
        fragments,
      );
    }
  }

  private compositeType(name: string): GraphQLCompositeType | null {
    const type = this.context.getSchema().getType(name);
    return type && isCompositeType(type) ? type : null;
  }

  /**
   * How many items a field may return: for a paged list (a field taking `first`), the page asked
   * for or the default page; 1 for anything else (other lists are bounded by the data: a
   * complaint's responses, the agency directory).
   */
  private pageSize(field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined): number {
    if (!definition?.args.some((argument) => argument.name === 'first')) return 1;
    const first = field.arguments?.find((argument) => argument.name.value === 'first');
    if (!first) return DEFAULT_PAGE_SIZE;
    const value = this.intValue(first.value);
    if (value === null) return MAX_PAGE_SIZE;
    return Math.min(Math.max(value, 1), MAX_PAGE_SIZE);
  }

  /** A literal, or a variable's default; null when only the request's variables will tell (assume the worst). */
  private intValue(value: ValueNode): number | null {
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      const definition = this.operation.variableDefinitions?.find((d) => d.variable.name.value === value.name.value);
      return definition?.defaultValue?.kind === Kind.INT ? Number(definition.defaultValue.value) : null;
    }
    return null;
  }
}

/** String and list literals written into the document are bounded like variables are. */
function literalSizeRule(context: ValidationContext): ASTVisitor {
  return {
    StringValue(node) {
      const character = unstorableCharacter(node.value);
      if (character) {
        context.reportError(
          new GraphQLError(`A string in the query contains ${character}`, {
            nodes: [node],
            extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTER' },
          }),
        );
      }
      if (node.value.length > MAX_LITERAL_STRING_LENGTH) {
        context.reportError(
          new GraphQLError(
            `A string in the query is ${node.value.length} characters long; at most ${MAX_LITERAL_STRING_LENGTH} are accepted`,
            { nodes: [node], extensions: { code: 'BAD_USER_INPUT', reason: 'VALUE_TOO_LONG' } },
          ),
        );
      }
    },
    ListValue(node) {
      if (node.values.length > MAX_LITERAL_LIST_LENGTH) {
        context.reportError(
          new GraphQLError(
            `A list in the query has ${node.values.length} items; at most ${MAX_LITERAL_LIST_LENGTH} are accepted`,
            { nodes: [node], extensions: { code: 'BAD_USER_INPUT', reason: 'LIST_TOO_LONG' } },
          ),
        );
      }
    },
  };
}
