/**
 * Lets other requests run between the queries of a batch: screening is synchronous CPU work, and a full batch of
 * long names can take seconds; /healthz and small requests should not wait behind it.
 */
export function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
