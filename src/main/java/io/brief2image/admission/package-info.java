/**
 * What must hold before anything is paid for: the daily budget, reserved and settled in the shared
 * store's spend ledger (through {@link io.brief2image.admission.Budget} only), cost estimates, free disk
 * room, and deferrals that put a brief back on its queue until then. It may use the layers below it:
 * {@code base}, {@code store}, {@code broker}, {@code http}, {@code brief}.
 */
package io.brief2image.admission;
