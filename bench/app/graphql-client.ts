/**
 * One GraphQL call from the benchmark process, for set-up steps (never for measured load, which
 * runs in a separate process). Throws on any GraphQL error, since set-up must not fail silently.
 */
export async function callGraphQL<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || answer.errors || !answer.data) {
    throw new Error(`GraphQL call failed (${response.status}): ${JSON.stringify(answer).slice(0, 500)}`);
  }
  return answer.data;
}
