/** OS detection: which distribution and release an image is built on, from os-release and the distro release files. */
package dev.layerwatch.engine.ecosystem.os;
