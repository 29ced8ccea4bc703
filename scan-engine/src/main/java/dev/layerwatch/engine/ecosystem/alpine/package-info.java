/** The Alpine ecosystem (apk packages): version ordering and the Alpine-specific parts of cataloging and matching. */
package dev.layerwatch.engine.ecosystem.alpine;
