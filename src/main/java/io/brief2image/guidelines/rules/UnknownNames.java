package io.brief2image.guidelines.rules;

import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.text.QuotedTextGuard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What the unknown-name rules work with, built once from world/. A few thousand names take a while to
 * read, so the build starts in the background when the guidelines are made and the first brief waits for
 * it only if it comes before the build is done: start time does not grow with the lists.
 */
record UnknownNames(UnknownNameIndex index, PersonFinder finder, PersonDescriptions descriptions) {

    static UnknownNames of(UnknownNameIndex index, QuotedTextGuard guard) {
        return new UnknownNames(index, new PersonFinder(index, guard), new PersonDescriptions(index.cues));
    }

    /** The bundled lists, built in the background; the allowed historic artists follow the clock's year. */
    static Supplier<UnknownNames> inBackground(Clock clock, GuidelinePolicy policy, QuotedTextGuard guard) {
        int cutoffYear = LocalDate.now(clock).getYear() - policy.artistCutoffYears();
        CompletableFuture<UnknownNames> build = CompletableFuture.supplyAsync(
                () -> of(UnknownNameIndex.bundled(cutoffYear, policy.artists()), guard));
        return build::join;
    }
}
