/** The image model the engine analyses (platform images, layer descriptors) and the source abstraction that supplies them. */
package dev.layerwatch.engine.image;
