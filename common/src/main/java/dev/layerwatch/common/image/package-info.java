/** Value types that name images and their content: references, digests, platforms. Each validates on construction. */
package dev.layerwatch.common.image;
