/** Alpine packages: the apk installed database. */
package dev.layerwatch.engine.ecosystem.alpine;
