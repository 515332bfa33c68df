package io.brief2image.guidelines.policy;

import java.util.List;

/** A studio, franchise or copyrighted character, and the neutral description that replaces it. */
public record ProtectedWork(String name, List<String> aliases, String description) {
    public ProtectedWork {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
