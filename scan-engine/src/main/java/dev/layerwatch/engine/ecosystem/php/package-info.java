/**
 * PHP Composer packages: {@code vendor/composer/installed.json} (Composer 1 array, Composer 2 object),
 * {@code composer.lock} pins, and Composer's version ordering (VersionParser normalisation, then PHP's
 * {@code version_compare}) for Packagist ranges.
 */
package dev.layerwatch.engine.ecosystem.php;
