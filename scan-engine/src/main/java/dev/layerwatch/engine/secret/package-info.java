/**
 * Secrets in layer files and in image config values: the one rule list ({@link dev.layerwatch.engine.secret.SecretRules}),
 * the scanner that applies it to text files, and redaction, so that no secret value ever leaves this package.
 */
package dev.layerwatch.engine.secret;
