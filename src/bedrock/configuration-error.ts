/**
 * The request could not be sent at all, because the client is not set up:
 * no region, no credentials, or an endpoint that is not a URL. It is not a
 * pagination failure (nothing was listed, and no token would help), so it
 * is not a {@link PaginationError}: fix the setting it names and start again.
 *
 * @example
 * ```ts
 * import { ConfigurationError, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * try {
 *   await paginateCustomizationJobs().first();
 * } catch (error) {
 *   if (!(error instanceof ConfigurationError)) throw error;
 *   // "ListModelCustomizationJobs could not be sent: no AWS region is set. Set AWS_REGION …"
 *   console.error(`${error.message} (setting: ${error.setting})`);
 * }
 * ```
 */
export class ConfigurationError extends Error {
  /** `'ConfigurationError'`: what stack traces and logs show. */
  override readonly name = 'ConfigurationError';

  /**
   * Listings make these; the constructor is public so that tests and
   * wrappers can make the same error.
   *
   * @param message - What is missing or wrong, and how to set it.
   * @param options - The setting at fault, and the client's own error as `cause`.
   */
  constructor(
    message: string,
    options: {
      /** Which setting is missing or wrong: `'region'`, `'credentials'` or `'endpoint'`. */
      readonly setting: ConfigurationSetting;
      readonly cause: unknown;
    },
  ) {
    super(message, { cause: options.cause });
    this.setting = options.setting;
  }

  /** Which setting is missing or wrong. */
  readonly setting: ConfigurationSetting;
}

/** The settings a {@link ConfigurationError} can name. */
export type ConfigurationSetting = 'region' | 'credentials' | 'endpoint';

/** What a front end recognises in a client's error: the setting at fault, and how to set it. */
export interface ConfigurationProblem {
  readonly setting: ConfigurationSetting;
  /** What is missing or wrong and how to set it, as one sentence. */
  readonly message: string;
}
