/** The start-up summary: what each service contributes and how the block reads. */
package dev.layerwatch.common.startup;
