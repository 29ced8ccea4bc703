/** The {@code layerwatch} command line: one class per subcommand, registered in {@link dev.layerwatch.cli.Layerwatch}. */
package dev.layerwatch.cli;
