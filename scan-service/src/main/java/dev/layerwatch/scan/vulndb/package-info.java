/** The vulnerability DB kept current in-process: the scheduled updater the standalone turns on. */
package dev.layerwatch.scan.vulndb;
