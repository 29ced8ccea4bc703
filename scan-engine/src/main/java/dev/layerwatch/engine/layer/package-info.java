/**
 * The streaming layer reader: compression sniffing, the tar walk, path cleaning, whiteout detection,
 * diff-id verification, what is known of a file before it is read ({@link
 * dev.layerwatch.engine.layer.FileMeta}), and the caps that turn bombs and traversal tricks into
 * warnings. Nothing here ever writes to disk, and nothing here knows about packages. A layer inflates on
 * a second thread, a few chunks ahead of the walk ({@link dev.layerwatch.engine.layer.InflateAhead}).
 */
package dev.layerwatch.engine.layer;
