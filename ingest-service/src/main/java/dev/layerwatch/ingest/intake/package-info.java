/**
 * The steps from an authenticated request to a stored event, in order: find the source, authenticate, check the
 * content type, parse, translate, drop unknown registries, skip already-published sender ids, publish and wait for
 * the broker, remember what was published. Framework-free apart from the component annotation.
 */
package dev.layerwatch.ingest.intake;
