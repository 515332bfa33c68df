/**
 * The command line (main class {@link io.brief2image.cli.Brief2Image}): run the service, {@code once},
 * {@code lint}, {@code submit}, {@code replay} and the settings help. The top layer: it may use every
 * package, nothing uses it.
 */
package io.brief2image.cli;
