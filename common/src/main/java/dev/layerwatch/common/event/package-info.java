/** Event contracts between the services: versioned records, their topics and their one JSON form. */
package dev.layerwatch.common.event;
