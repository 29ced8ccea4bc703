/**
 * Java archives (jar, war, ear, par, jpi, hpi) read as a stream, including archives nested inside them
 * (Spring Boot, WEB-INF/lib, ear modules): Maven coordinates from pom.properties, else the manifest,
 * else the file name.
 */
package dev.layerwatch.engine.ecosystem.java;
