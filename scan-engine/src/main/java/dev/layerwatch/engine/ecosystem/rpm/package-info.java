/**
 * RPM packages: the rpm database in its three on-disk forms (sqlite, ndb, Berkeley DB hash) and the
 * rpm header blobs they all store. Everything is read here, without rpm or Berkeley DB libraries.
 */
package dev.layerwatch.engine.ecosystem.rpm;
