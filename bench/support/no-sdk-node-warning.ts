/**
 * Imported first by every bench entry point. On Node 20 the SDK prints a
 * 9-line NodeVersionSupportWarning when the first client is made, which
 * would land in the middle of the bench's tables. Set in this process's
 * environment, the switch also reaches every child process the bench starts.
 * A value the user set is kept.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
