package io.brief2image.guidelines.rules;

import io.brief2image.guidelines.text.QuotedTextGuard;
import io.brief2image.guidelines.text.TextSpan;

import java.util.List;
import java.util.function.Function;


/**
 * What the unknown-name rules work with, built once from world/ beside the known-name index (on the
 * world data's loader thread, so start time does not grow with the lists).
 */
record UnknownNames(UnknownNameIndex index, PersonFinder finder, PersonDescriptions descriptions) {

    /** {@code knownNames} gives the spans of every name the world data knows: the unknown-name rules never touch them. */
    static UnknownNames of(UnknownNameIndex index, QuotedTextGuard guard, Function<String, List<TextSpan>> knownNames) {
        return new UnknownNames(index, new PersonFinder(index, guard, knownNames), new PersonDescriptions(index.cues));
    }

}
