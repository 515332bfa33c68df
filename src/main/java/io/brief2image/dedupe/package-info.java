/**
 * The duplicate gate: the brief ledger in the shared store (claims with owner and lease, done records,
 * read and written only by {@link io.brief2image.dedupe.Ledger}) answers a brief already done from its
 * earlier result and claims the id of a new one, so a redelivered or re-dropped brief is never paid for
 * twice, whichever instance it reaches. It may use {@code base}, {@code store}, {@code broker},
 * {@code http}, {@code brief} and {@code admission}.
 */
package io.brief2image.dedupe;
