/** The fallback channel when nothing is configured: findings in the log, one summary line and one line per top finding. */
package dev.layerwatch.notify.log;
