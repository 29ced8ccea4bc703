/**
 * .NET: NuGet packages from {@code *.deps.json} (including a self-contained app's runtime pack) and NuGet's
 * version normalisation for GHSA/OSV NuGet ranges.
 */
package dev.layerwatch.engine.ecosystem.dotnet;
