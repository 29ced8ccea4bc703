/** The Java ecosystem (Maven coordinates): version ordering and the Java-specific parts of cataloging and matching. */
package dev.layerwatch.engine.ecosystem.java;
