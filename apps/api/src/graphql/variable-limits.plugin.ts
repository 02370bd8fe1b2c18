import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { MAX_LITERAL_LIST_LENGTH, MAX_LITERAL_STRING_LENGTH, unstorableCharacter } from './query-limits.js';

/** How deep objects and lists may nest inside a request's variables. */
export const MAX_VARIABLE_NESTING = 10;

/**
 * Bounds raw variable values before GraphQL coerces them, so no resolver or validator ever sees a
 * megabyte string or a list of a million items: strings, lists and nesting are capped as literals
 * in the document are (query-limits.ts), and text PostgreSQL cannot store (NUL, lone surrogates)
 * is refused. The domain still checks each field's own length.
 */
export const variableLimitsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request }) {
        const problem = oversized(request.variables ?? {}, '', 0);
        if (problem) {
          throw new GraphQLError(problem.message, {
            extensions: { code: 'BAD_USER_INPUT', reason: problem.reason, http: { status: 400 } },
          });
        }
      },
    };
  },
};

interface Problem {
  readonly reason: 'VALUE_TOO_LONG' | 'LIST_TOO_LONG' | 'VALUE_TOO_DEEP' | 'INVALID_CHARACTER';
  readonly message: string;
}

function oversized(value: unknown, path: string, depth: number): Problem | null {
  if (typeof value === 'string') {
    if (value.length > MAX_LITERAL_STRING_LENGTH) {
      return {
        reason: 'VALUE_TOO_LONG',
        message: `Variable ${path} is ${value.length} characters long; at most ${MAX_LITERAL_STRING_LENGTH} are accepted`,
      };
    }
    const character = unstorableCharacter(value);
    return character ? { reason: 'INVALID_CHARACTER', message: `Variable ${path} contains ${character}` } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_VARIABLE_NESTING) {
    return { reason: 'VALUE_TOO_DEEP', message: `Variable ${path} nests deeper than ${MAX_VARIABLE_NESTING} levels` };
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_LITERAL_LIST_LENGTH) {
      return {
        reason: 'LIST_TOO_LONG',
        message: `Variable ${path} has ${value.length} items; at most ${MAX_LITERAL_LIST_LENGTH} are accepted`,
      };
    }
    for (const [index, item] of value.entries()) {
      const problem = oversized(item, `${path}[${index}]`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const character = unstorableCharacter(key);
    if (character)
      return { reason: 'INVALID_CHARACTER', message: `A key in variable ${path || '$'} contains ${character}` };
    const problem = oversized(item, path === '' ? `$${key.slice(0, 50)}` : `${path}.${key.slice(0, 50)}`, depth + 1);
    if (problem) return problem;
  }
  return null;
}
