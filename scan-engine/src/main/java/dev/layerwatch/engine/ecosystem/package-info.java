/**
 * One sub-package per ecosystem ({@code alpine}, {@code debian}, {@code rpm}, {@code java}, {@code npm},
 * {@code python}, {@code golang}, {@code os}): its catalogers, version scheme and feed parsing side by
 * side. Sub-packages depend on the contracts ({@code catalog}, {@code layer}, {@code inventory},
 * {@code version}, {@code advisory}) and never on each other; the lists that name them all live in
 * {@code standard}.
 */
package dev.layerwatch.engine.ecosystem;
