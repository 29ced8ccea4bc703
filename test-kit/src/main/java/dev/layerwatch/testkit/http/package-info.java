/** A recording HTTP server: the local stand-in for Slack, Jira and other services that cannot run here. */
package dev.layerwatch.testkit.http;
