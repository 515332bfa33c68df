package io.brief2image.guidelines.policy;

import java.util.List;

/** Templates that keep "in the style of X" readable once X becomes a description. */
public record ArtistPhrasing(List<String> leadPhrases, String styledTemplate, String bareTemplate) {
    public ArtistPhrasing {
        leadPhrases = leadPhrases == null ? List.of() : List.copyOf(leadPhrases);
    }
}
