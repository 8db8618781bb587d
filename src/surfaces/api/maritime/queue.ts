/**
 * Uploaded AIS files are processed in the background one at a time per process (detection is CPU-bound: two at once
 * would only share the core and both take longer). The client polls the run's status.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  /** Runs fn after everything queued before it; its failure is reported to onError, never thrown. */
  enqueue(fn: () => Promise<void>, onError: (err: unknown) => void = (err) => console.error(err)): void {
    this.pending++;
    this.tail = this.tail.then(fn).catch(onError).finally(() => {
      this.pending--;
    });
  }

  /** Jobs waiting or running. */
  get size(): number {
    return this.pending;
  }

  /** Resolves when everything queued so far has finished. */
  idle(): Promise<void> {
    return this.tail;
  }
}
