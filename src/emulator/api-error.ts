/**
 * An error the emulator answers with, in the service's wire form: an HTTP
 * status, the `x-amzn-errortype` header and a JSON `{"message"}` body.
 */
export class ApiError extends Error {
  constructor(
    readonly errorType: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Collects validation problems and reports them all at once, in AWS's own
 * wording (`2 validation errors detected: Value 'x' at 'field' failed to
 * satisfy constraint: …; …`), as the service does.
 */
export class Violations {
  readonly #problems: string[] = [];

  /** Records that `value` at `field` breaks `constraint`; a missing value reads `null`, as AWS writes it. */
  add(field: string, value: unknown, constraint: string): void {
    const shown =
      value === null || value === undefined ? 'null' : `'${typeof value === 'object' ? JSON.stringify(value) : String(value)}'`;
    this.#problems.push(`Value ${shown} at '${field}' failed to satisfy constraint: ${constraint}`);
  }

  /** Throws a 400 ValidationException naming every problem recorded, if any. */
  throwIfAny(): void {
    const count = this.#problems.length;
    if (count === 0) return;
    const detected = count === 1 ? '1 validation error' : `${count} validation errors`;
    throw new ApiError('ValidationException', 400, `${detected} detected: ${this.#problems.join('; ')}`);
  }
}
