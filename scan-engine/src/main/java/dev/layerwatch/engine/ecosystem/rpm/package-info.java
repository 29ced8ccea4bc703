/** The RPM ecosystem: version ordering and the RPM-specific parts of cataloging and matching. */
package dev.layerwatch.engine.ecosystem.rpm;
