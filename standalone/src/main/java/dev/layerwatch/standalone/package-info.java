/** The three services in one process on an embedded Kafka broker and Redis. */
package dev.layerwatch.standalone;
