/**
 * Python packages: installed distributions from their core metadata (dist-info METADATA, egg-info
 * PKG-INFO) and declared ones from poetry.lock and pinned requirements files.
 */
package dev.layerwatch.engine.ecosystem.python;
