/**
 * npm packages: installed ones from {@code node_modules/**}/package.json, declared ones from
 * package-lock.json (v1–v3), yarn.lock (classic and berry) and pnpm-lock.yaml.
 */
package dev.layerwatch.engine.ecosystem.npm;
