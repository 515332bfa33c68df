package io.brief2image.guidelines.rules;

/** Rule ids as they appear in {@link PolicyAction#rule()}; other components filter on them. */
final class Rules {
    static final String MAX_IMAGES = "max-images";
    static final String PUBLIC_FIGURES = "public-figures";
    static final String TITLES = "titles";
    static final String ARTISTS = "artists";
    static final String STUDIOS_AND_CHARACTERS = "studios-and-characters";
    static final String UNKNOWN_ARTIST = "unknown-artist";
    static final String NAMED_PERSON = "named-person";
    static final String BLOCKED_TERMS = "blocked-terms";
    static final String NEGATIONS = "negations";
    static final String IMAGE_TYPE = "image-type";
    static final String SIZE = "size";

    private Rules() {
    }
}
