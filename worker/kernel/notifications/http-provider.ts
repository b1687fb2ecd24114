import { DeliveryError } from "../../../core/kernel/notifications/ports.ts";

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/**
 * A provider's answer, sorted: rate limits, outages and auth problems (which an operator fixes)
 * are temporary; the request itself being refused (bad address, rejected content) is permanent.
 * A network error throws before there is an answer and is temporary too.
 */
export async function sentOrThrow(response: Response, provider: string): Promise<unknown> {
  if (response.ok) return response.json();
  const detail = (await response.text()).slice(0, 300);
  const permanent = response.status === 400 || response.status === 404 || response.status === 422;
  throw new DeliveryError(`${provider} answered ${response.status}: ${detail}`, permanent);
}

export async function post(
  fetcher: Fetch,
  url: string,
  init: RequestInit,
  provider: string,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetcher(url, { method: "POST", ...init, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new DeliveryError(
      `${provider} unreachable: ${error instanceof Error ? error.message : error}`,
      false,
    );
  }
  return sentOrThrow(response, provider);
}
