/** What `run` throws, or undefined when it returns. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** The message of the error `run` throws, or 'no error' when it returns. */
export function messageOf(run: () => unknown): string {
  const error = thrownBy(run);
  return error === undefined ? 'no error' : (error as Error).message;
}
