/**
 * The wiring: Camel Main with application.properties and the YAML routes
 * ({@link io.brief2image.app.Application}), the settings, the beans the routes name by {@code ref:}
 * ({@code Beans}, {@code OpsBeans}) and the graceful stop. It may use every package below it, and starts
 * the offline provider when the settings ask for it; only {@code cli} uses it.
 */
package io.brief2image.app;
