/**
 * Which finding goes where, as pure logic: rules from configuration, the targets they name, and what
 * changed since the last announcement. No Spring, no I/O: state is passed in.
 */
package dev.layerwatch.notify.routing;
