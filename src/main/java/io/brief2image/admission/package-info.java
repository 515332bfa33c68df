/**
 * What must hold before anything is paid for: the daily budget with its spend journal
 * (data/spend/&lt;day&gt;.spend, read and written only by {@link io.brief2image.admission.Budget}), cost estimates,
 * free disk room, and deferrals that put a brief back on its queue until then. It may use the layers
 * below it: {@code base}, {@code broker}, {@code http}, {@code brief}.
 */
package io.brief2image.admission;
