/**
 * Polls until the check passes or the attempts run out, then rethrows the last failure. For effects
 * that arrive asynchronously (a message consumed, a process ready), never for timing assertions.
 */
export async function eventually<T>(check: () => Promise<T>, { attempts = 120, intervalMs = 250 } = {}): Promise<T> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  throw lastError;
}
