/**
 * Image checks that are not about vulnerable packages: risky image-config settings (root user, secrets in
 * {@code Env}, no healthcheck, privileged ports, risky build steps) and a package manager left in the final
 * filesystem. End-of-life OS releases live in {@code check.eol}.
 */
package dev.layerwatch.engine.check;
