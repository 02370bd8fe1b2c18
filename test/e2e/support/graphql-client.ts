export interface GraphQLErrorBody {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
  readonly path?: readonly (string | number)[];
}

export interface GraphQLResponse<T> {
  readonly status: number;
  readonly data: T | null;
  readonly errors: readonly GraphQLErrorBody[] | undefined;
}

/** GraphQL over real HTTP, as a client app would send it. */
export class GraphQLClient {
  constructor(readonly endpoint: string) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    bearer?: string,
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorBody[] };
    return { status: response.status, data: body.data ?? null, errors: body.errors };
  }

  /** Like request, but fails the test on any error: for steps that must succeed. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    bearer?: string,
  ): Promise<T> {
    const response = await this.request<T>(query, variables, bearer);
    if (response.errors?.length || !response.data) {
      throw new Error(`GraphQL request failed: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }
}

/** The single error of a failed request, for asserting its code and message. */
export function onlyError(response: GraphQLResponse<unknown>): GraphQLErrorBody {
  if (!response.errors || response.errors.length !== 1) {
    throw new Error(
      `expected exactly one error, got ${JSON.stringify(response.errors)} (data: ${JSON.stringify(response.data)})`,
    );
  }
  return response.errors[0] as GraphQLErrorBody;
}
