/**
 * The duplicate gate: the ledger under data/ledger (one file per brief id, read and written only
 * by {@link io.brief2image.dedupe.Ledger}) answers a brief already done from its earlier result and claims
 * the id of a new one, so a redelivered or re-dropped brief is never paid for twice. It may use
 * {@code base}, {@code broker}, {@code http}, {@code brief} and {@code admission}.
 */
package io.brief2image.dedupe;
