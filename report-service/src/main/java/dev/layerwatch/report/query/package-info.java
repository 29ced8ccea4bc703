/** The read side: the questions of the query API, each one SQL statement (or two) over the store's tables. */
package dev.layerwatch.report.query;
