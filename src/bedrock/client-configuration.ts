import { ConfigurationError, type ConfigurationProblem } from './configuration-error.js';

/**
 * The SDK's own errors for a client that cannot send: it throws them before
 * any request, without `$metadata`. Their names and messages are the SDK's
 * (`@smithy/config-resolver`, `@smithy/property-provider`, `URL`).
 */
export function configurationProblem(error: unknown): ConfigurationProblem | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'CredentialsProviderError') {
    return {
      setting: 'credentials',
      message:
        'no AWS credentials were found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE naming a profile in ~/.aws/config, ' +
        'or pass a client made with new BedrockClient({ credentials })',
    };
  }
  if (error.message.startsWith('Region is missing')) {
    return {
      setting: 'region',
      message:
        'no AWS region is set. Set AWS_REGION (or a region in your AWS_PROFILE), or pass a client made with new BedrockClient({ region })',
    };
  }
  if (error.message.startsWith('Region not accepted')) {
    return { setting: 'region', message: `${error.message.replace(/\.$/, '')}. Set AWS_REGION to a region such as us-east-1` };
  }
  if ((error as { code?: unknown }).code === 'ERR_INVALID_URL') {
    const input = (error as { input?: unknown }).input;
    return {
      setting: 'endpoint',
      message:
        `the endpoint ${JSON.stringify(input)} is not a URL. Set AWS_ENDPOINT_URL_BEDROCK (or the client's endpoint) to a URL ` +
        'such as https://bedrock.us-east-1.amazonaws.com or http://127.0.0.1:4010, or unset it',
    };
  }
  return undefined;
}

/** The ConfigurationError to throw instead of a pagination failure, when `error` is one of those. */
export function configurationError(error: unknown, operation: string): ConfigurationError | undefined {
  const problem = configurationProblem(error);
  return (
    problem &&
    new ConfigurationError(`${operation} could not be sent: ${problem.message}.`, { setting: problem.setting, cause: error })
  );
}
