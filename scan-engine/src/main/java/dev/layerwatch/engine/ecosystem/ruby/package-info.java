/**
 * RubyGems: installed specifications ({@code specifications/*.gemspec}), {@code Gemfile.lock} pins and the
 * {@code Gem::Version} ordering GHSA/OSV ranges for RubyGems are written in.
 */
package dev.layerwatch.engine.ecosystem.ruby;
