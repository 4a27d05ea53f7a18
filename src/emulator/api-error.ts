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

/** AWS's own wording, so that messages read as the service's do. */
export function validationError(field: string, value: unknown, constraint: string): ApiError {
  return new ApiError(
    'ValidationException',
    400,
    `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}
