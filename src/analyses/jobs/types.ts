/** What a partition produces: its output text (CSV rows or event lines), counted items, the list versions used. */
export interface PartitionOutput {
  output: string;
  items: number;
  versions: string[];
  stats: Record<string, unknown>;
}

/**
 * A failure that retrying cannot mend (the lists changed since submission, a file not in time order, a missing
 * input): the worker records it as the partition's result and the batch fails with this message.
 */
export class PermanentJobError extends Error {
  constructor(message: string, readonly versions: string[] = []) {
    super(message);
  }
}
