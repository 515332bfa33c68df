package io.brief2image.guidelines.rules;

import io.brief2image.guidelines.text.QuotedTextGuard;


/**
 * What the unknown-name rules work with, built once from world/ beside the known-name index (on the
 * world data's loader thread, so start time does not grow with the lists).
 */
record UnknownNames(UnknownNameIndex index, PersonFinder finder, PersonDescriptions descriptions) {

    static UnknownNames of(UnknownNameIndex index, QuotedTextGuard guard) {
        return new UnknownNames(index, new PersonFinder(index, guard), new PersonDescriptions(index.cues));
    }

}
