/**
 * Commands against a running report-service ({@code --server URL}): {@code images affected}, {@code images with},
 * {@code image report}. Table by default, {@code --format json} for the API's own items.
 */
package dev.layerwatch.cli.server;
