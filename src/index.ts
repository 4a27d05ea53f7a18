/**
 * bedrock-customization-jobs: every Amazon Bedrock model customization job,
 * one at a time, from an async iterator.
 *
 * @packageDocumentation
 */
export {};
