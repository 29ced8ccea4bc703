/** Loopback networking for servers started by tests. */
package dev.layerwatch.testkit.net;
