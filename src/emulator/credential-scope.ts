/**
 * Who signed a request and for which region, as SigV4 says it in the
 * `authorization` header: `AWS4-HMAC-SHA256 Credential=AKID/20261127/us-west-2/bedrock/aws4_request, …`.
 * The emulator checks no signature; it reads the scope to pick the region
 * and the account that answer.
 */
import { ApiError } from './api-error.js';

/** The access key ID and the region of a request's credential scope. */
export interface CredentialScope {
  readonly accessKeyId: string;
  readonly region: string;
}

const CREDENTIAL = /\bCredential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/[^/,\s]+\/aws4_request\b/;

/**
 * The credential scope of a request, or the error the service answers
 * with: `MissingAuthenticationTokenException` (403) for an unsigned
 * request, `IncompleteSignatureException` (400) for a header without a scope.
 */
export function credentialScope(authorization: string | undefined): CredentialScope {
  if (authorization === undefined || authorization === '') {
    throw new ApiError('MissingAuthenticationTokenException', 403, 'Missing Authentication Token');
  }
  const match = CREDENTIAL.exec(authorization);
  if (!match) {
    throw new ApiError(
      'IncompleteSignatureException',
      400,
      "Authorization header requires 'Credential' parameter of the form <access key>/<date>/<region>/<service>/aws4_request.",
    );
  }
  return { accessKeyId: match[1] as string, region: match[2] as string };
}
